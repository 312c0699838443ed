import { describe, expect, it } from 'vitest';
import { BatchTally } from '../../../demo-server/src/scenarios/batch/batch-tally.ts';

const T0 = 1_000_000;

describe('a batch tally', () => {
  it('counts each job once per worker, and a second completion of the same job as a duplicate', () => {
    const tally = new BatchTally('b1', 'bullmq', 3, T0);
    tally.ended('completed', 'w1', T0 + 100, false);
    tally.ended('completed', 'w1', T0 + 200, true);
    tally.ended('failed', 'w2', T0 + 300, false);
    expect(tally.running()).toBe(true);
    tally.ended('completed', 'w2', T0 + 1_200, false);
    const state = tally.state(T0 + 5_000, 2);
    expect(state).toMatchObject({ completed: 2, failed: 1, duplicates: 1, finishedAt: T0 + 1_200, workerProcesses: 2 });
    expect(state.workers).toEqual([{ id: 'w1', done: 1 }, { id: 'w2', done: 1 }]);
    expect(state.perSecond).toEqual([1, 1]);
    expect(tally.running()).toBe(false);
  });

  it('measures the rate before the add, and after from the new worker’s first job to the end', () => {
    const tally = new BatchTally('b1', 'rabbitmq', 100, T0);
    for (let i = 1; i <= 20; i++) tally.ended('completed', 'w1', T0 + i * 100, false);
    tally.workerAdded(T0 + 2_000);
    tally.ended('completed', 'w1', T0 + 2_500, false);
    // Each window runs from one job's end to another's: the first worker's first job and the newcomer's first job.
    tally.ended('completed', 'w2', T0 + 3_000, false);
    for (let i = 1; i <= 40; i++) tally.ended('completed', i % 2 ? 'w1' : 'w2', T0 + 3_000 + i * 50, false);
    const state = tally.state(T0 + 5_000, 2);
    expect(state.addedAtMs).toBe(2_000);
    expect(state.joinedAtMs).toBe(3_000);
    expect(state.rateBefore).toBe(10);
    expect(state.rateAfter).toBe(20);
  });

  it('leaves a rate out while its window is too short to mean anything', () => {
    const tally = new BatchTally('b1', 'bullmq', 10, T0);
    tally.ended('completed', 'w1', T0 + 100, false);
    expect(tally.state(T0 + 500, 1).rateBefore).toBeNull();
    tally.workerAdded(T0 + 600);
    tally.ended('completed', 'w2', T0 + 900, false);
    expect(tally.state(T0 + 1_000, 2)).toMatchObject({ rateBefore: null, rateAfter: null, joinedAtMs: 900 });
  });
});
