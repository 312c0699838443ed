import { describe, expect, it } from 'vitest';
import { RecentIds } from '../../../demo-server/src/monitor/recent-ids.ts';

describe('RecentIds', () => {
  it('remembers the last ids up to its capacity and forgets the oldest', () => {
    const ids = new RecentIds(3);
    for (const id of ['a', 'b', 'c', 'd']) ids.add(id);
    expect(['a', 'b', 'c', 'd'].map((id) => ids.has(id))).toEqual([false, true, true, true]);
  });

  it('keeps exactly its capacity when it turns over many times', () => {
    const ids = new RecentIds(1_000);
    for (let i = 0; i < 200_000; i++) ids.add(String(i));
    expect(ids.has('199999')).toBe(true);
    expect(ids.has('199000')).toBe(true);
    expect(ids.has('198999')).toBe(false);
  });
});
