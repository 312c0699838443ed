import { describe, expect, it } from 'vitest';
import { summarise } from '../../../scripts/bench/profile-summary.ts';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });

// root -> idle, root -> handler (ours) -> encode (a dependency)
const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 3] },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('handler', `file://${process.cwd()}/demo-server/src/x.ts`), children: [4] },
    { id: 4, callFrame: frame('encode', 'file:///app/node_modules/amqplib/lib/codec.js') },
  ],
  samples: [2, 3, 4, 4, 2],
  timeDeltas: [1000, 1000, 1000, 1000, 1000],
  startTime: 0,
  endTime: 5000,
};

describe('profile summary', () => {
  it('ranks self time by function and by package, leaving idle out of the busy share', () => {
    const summary = summarise(profile);
    expect(summary.total).toBe(5);
    expect(summary.idle).toBe(2);
    expect(summary.packages.map((p) => [p.name, p.selfMs])).toEqual([
      ['amqplib', 2],
      ['demo-server/src/x.ts', 1],
    ]);
    expect(summary.functions[0]).toMatchObject({ name: 'encode amqplib:1', selfMs: 2 });
    expect(summary.functions[0]!.share).toBeCloseTo(2 / 3);
  });

  it('skips the start-up', () => {
    expect(summarise(profile, 2.5).total).toBe(3);
  });
});
