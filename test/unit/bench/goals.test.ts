import { describe, expect, it } from 'vitest';
import { describeGoal, evaluate, goalRatio, isMet } from '../../../scripts/bench/goals.ts';

describe('bench goals', () => {
  it('meets a throughput goal at or above the ratio, and misses it below', () => {
    const goal = { kind: 'ratio-at-least', ratio: 0.85 } as const;
    expect(isMet(goal, 850, 1000)).toBe(true);
    expect(isMet(goal, 849, 1000)).toBe(false);
  });

  it('meets a CPU or build-time goal at or below the ratio', () => {
    const goal = { kind: 'ratio-at-most', ratio: 1.2 } as const;
    expect(isMet(goal, 1.2, 1)).toBe(true);
    expect(isMet(goal, 1.21, 1)).toBe(false);
  });

  it('needs memory growth strictly below the ratio', () => {
    const goal = { kind: 'ratio-below', ratio: 1.2 } as const;
    expect(isMet(goal, 119, 100)).toBe(true);
    expect(isMet(goal, 120, 100)).toBe(false);
  });

  it('judges latency by a margin over raw, not a ratio', () => {
    const goal = { kind: 'margin-at-most', margin: 2 } as const;
    expect(isMet(goal, 12, 10)).toBe(true);
    expect(isMet(goal, 12.5, 10)).toBe(false);
    expect(goalRatio(goal, 10)).toBeCloseTo(1.2);
  });

  it('judges a limit whatever raw is, even with no raw at all', () => {
    const goal = { kind: 'at-most', limit: 256 } as const;
    expect(isMet(goal, 3.3, null)).toBe(true);
    expect(isMet(goal, 300, 1)).toBe(false);
  });

  it('judges nothing when a side is missing or the row has no goal', () => {
    expect(isMet({ kind: 'ratio-at-least', ratio: 0.85 }, 100, null)).toBeNull();
    expect(isMet({ kind: 'ratio-at-least', ratio: 0.85 }, null, 100)).toBeNull();
    expect(isMet({ kind: 'none' }, 1, 1)).toBeNull();
  });

  it('says each goal in words with its unit', () => {
    expect(describeGoal({ kind: 'ratio-at-least', ratio: 0.85 }, 'jobs/s')).toBe('>= 0.85x raw');
    expect(describeGoal({ kind: 'margin-at-most', margin: 2 }, 'ms')).toBe('<= raw + 2 ms');
    expect(describeGoal({ kind: 'at-most', limit: 256 }, 'KB')).toBe('<= 256 KB');
    expect(describeGoal({ kind: 'none' }, 's')).toBeNull();
  });

  it('turns a measurement into a results.json row with the ratio lane / raw', () => {
    const row = evaluate({ name: 'bullmq throughput', value: 9000.123456, unit: 'jobs/s', raw: 10000, goal: { kind: 'ratio-at-least', ratio: 0.85 } });
    expect(row).toEqual({ name: 'bullmq throughput', value: 9000.123, unit: 'jobs/s', raw: 10000, ratio: 0.9, goal: '>= 0.85x raw', met: true });
  });

  it('writes a figure that could not be measured as null, never NaN', () => {
    const row = evaluate({ name: 'x', value: Number.NaN, unit: 'ms', raw: 3, goal: { kind: 'margin-at-most', margin: 2 } });
    expect(row).toMatchObject({ value: null, ratio: null, met: null });
  });
});
