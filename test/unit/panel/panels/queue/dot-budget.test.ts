import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flows, MAX_DOTS_PER_TICK, planDots } from '../../../../../slides/panel/panels/queue/dot-budget.ts';

const tick = (enqueued = 0, started = 0, completed = 0, failed = 0) => ({ enqueued, started, completed, failed });
const total = (plan: Record<string, number>) => Object.values(plan).reduce((a, b) => a + b, 0);

describe('planDots', () => {
  it('draws one dot per job while there are few', () => {
    expect(planDots(tick(1, 0, 0, 0))).toEqual(tick(1, 0, 0, 0));
    expect(planDots(tick(3, 2, 1, 1))).toEqual(tick(3, 2, 1, 1));
  });

  it('spends at most the budget on a 10,000-job tick', () => {
    const plan = planDots(tick(10_000, 0, 0, 0));
    expect(plan.enqueued).toBe(MAX_DOTS_PER_TICK);
  });

  it('keeps a single failure visible among thousands of completions', () => {
    const plan = planDots(tick(5_000, 5_000, 5_000, 1));
    expect(plan.failed).toBe(1);
    expect(total(plan)).toBe(MAX_DOTS_PER_TICK);
  });

  it('never exceeds the budget, never invents dots, never hides a flow that moved', () => {
    const count = fc.nat({ max: 100_000 });
    fc.assert(
      fc.property(count, count, count, count, (a, b, c, d) => {
        const t = tick(a, b, c, d);
        const plan = planDots(t);
        expect(total(plan)).toBeLessThanOrEqual(MAX_DOTS_PER_TICK);
        for (const flow of flows) {
          expect(plan[flow]).toBeLessThanOrEqual(t[flow]);
          expect(plan[flow] > 0).toBe(t[flow] > 0);
        }
      }),
    );
  });
});
