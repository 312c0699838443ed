import { describe, expect, it } from 'vitest';
import { DemoBoard } from '../../../demo-server/src/scenarios/demo-board.ts';
import type { DemoScenario } from '../../../demo-server/src/scenarios/demo-scenario.ts';

/** A scenario whose state the test sets by hand; the board only ever reads `name` and `state()`. */
function scenario(name: string, initial: unknown) {
  let current = initial;
  let resets = 0;
  const demo = {
    name,
    commands: {},
    state: () => current,
    start: async () => {},
    reset: async () => {
      resets += 1;
      if (name === 'broken') throw new Error('cannot reset');
    },
    stop: async () => {},
  } as unknown as DemoScenario;
  return { demo, set: (next: unknown) => (current = next), resets: () => resets };
}

describe('DemoBoard', () => {
  it('sends a state again only when it changed', () => {
    const a = scenario('a', { n: 1 });
    const b = scenario('b', { n: 1 });
    const board = new DemoBoard([a.demo, b.demo]);
    expect(board.changes()).toEqual({ a: { n: 1 }, b: { n: 1 } });
    expect(board.changes()).toBeNull();
    b.set({ n: 2 });
    expect(board.changes()).toEqual({ b: { n: 2 } });
    expect(board.snapshot()).toEqual({ a: { n: 1 }, b: { n: 2 } });
  });

  it('resets every demo even when one fails, and says which', async () => {
    const ok = scenario('ok', {});
    const broken = scenario('broken', {});
    const results = await new DemoBoard([ok.demo, broken.demo]).reset();
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect([ok.resets(), broken.resets()]).toEqual([1, 1]);
  });

  it('finds demos by name only', () => {
    const board = new DemoBoard([scenario('a', {}).demo]);
    expect(board.get('a')?.name).toBe('a');
    expect(board.get('constructor')).toBeUndefined();
    expect(board.names()).toEqual(['a']);
  });
});
