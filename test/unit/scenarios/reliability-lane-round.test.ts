import { describe, expect, it } from 'vitest';
import { LaneRound, QUIET_MS, VERDICT_NOT_BEFORE_MS } from '../../../demo-server/src/scenarios/reliability/lane-round.ts';

const ids = Array.from({ length: 8 }, (_, i) => `job-${i}`);

describe("a lane's round of the reliability demo", () => {
  it("counts Celery's default: the running tasks die with the worker, the prefetched ones come back", () => {
    // Given 8 jobs, all prefetched by a worker of 4 slots, 4 of them running
    const round = new LaneRound(0);
    for (const id of ids) round.record({ type: 'enqueued', jobId: id }, 0);
    for (const id of ids) round.record({ type: 'received', jobId: id, worker: 'w1' }, 10);
    for (const id of ids.slice(0, 4)) round.record({ type: 'started', jobId: id, worker: 'w1' }, 20);
    // When the worker is killed and a fresh one gets the 4 unacked messages and runs them
    round.kill(1_000);
    for (const id of ids.slice(4)) round.record({ type: 'received', jobId: id, worker: 'w2' }, 4_000);
    for (const id of ids.slice(4)) round.record({ type: 'started', jobId: id, worker: 'w2' }, 4_000);
    for (const id of ids.slice(4)) round.record({ type: 'completed', jobId: id, worker: 'w2' }, 8_000);
    // Then no verdict while the lane is not quiet yet, nor without a fresh worker
    expect(round.judge(8_000 + QUIET_MS - 1, true)).toBe(false);
    expect(round.judge(8_000 + QUIET_MS, false)).toBe(false);
    expect(round.figures().lost).toBeUndefined();
    // And once it is: 4 lost, 4 redelivered
    expect(round.judge(8_000 + QUIET_MS, true)).toBe(true);
    expect(round.figures()).toEqual({ sent: 8, started: 8, runningAtKill: 4, redelivered: 4, completed: 4, lost: 4 });
  });

  it('settles as soon as every job completed, without waiting for quiet', () => {
    const round = new LaneRound(0);
    for (const id of ids.slice(0, 2)) round.record({ type: 'enqueued', jobId: id }, 0);
    for (const id of ids.slice(0, 2)) round.record({ type: 'started', jobId: id }, 10);
    round.kill(100);
    for (const id of ids.slice(0, 2)) round.record({ type: 'started', jobId: id }, 2_000);
    for (const id of ids.slice(0, 2)) round.record({ type: 'completed', jobId: id }, 3_000);
    expect(round.judge(3_000, false)).toBe(true);
    expect(round.figures()).toMatchObject({ runningAtKill: 2, redelivered: 2, completed: 2, lost: 0 });
  });

  it('waits for a stalled-job check: no verdict before the minimum time after the kill', () => {
    const round = new LaneRound(0);
    round.record({ type: 'enqueued', jobId: 'a' }, 0);
    round.record({ type: 'started', jobId: 'a' }, 10);
    round.kill(100);
    expect(round.judge(100 + VERDICT_NOT_BEFORE_MS - 1, true)).toBe(false);
    expect(round.judge(100 + VERDICT_NOT_BEFORE_MS, true)).toBe(true);
    expect(round.figures().lost).toBe(1);
  });

  it("counts a worker's report that overtook the producer's confirm, and never another round's job", () => {
    const round = new LaneRound(0);
    round.record({ type: 'received', jobId: 'a', worker: 'w1' }, 5);
    round.record({ type: 'started', jobId: 'stray' }, 5);
    round.record({ type: 'enqueued', jobId: 'a' }, 6);
    round.kill(100);
    round.record({ type: 'received', jobId: 'a', worker: 'w2' }, 3_000);
    round.record({ type: 'completed', jobId: 'a', worker: 'w2' }, 3_100);
    expect(round.judge(3_100, true)).toBe(true);
    expect(round.figures()).toEqual({ sent: 1, started: 0, runningAtKill: 0, redelivered: 1, completed: 1, lost: 0 });
  });
});
