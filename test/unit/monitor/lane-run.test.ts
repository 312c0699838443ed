import { describe, expect, it } from 'vitest';
import { RunTracker } from '../../../demo-server/src/monitor/lane-run.ts';

describe('RunTracker', () => {
  it('finishes at the moment the last accepted job ends', () => {
    const run = new RunTracker();
    run.start('r1', 'noop', 3, 1_000);
    run.settle(3, 1_010);
    run.jobEnded(1_020);
    run.jobEnded(1_030);
    expect(run.state()?.finishedAt).toBeNull();
    run.jobEnded(1_045);
    expect(run.state()).toEqual({ id: 'r1', kind: 'noop', count: 3, startedAt: 1_000, finishedAt: 1_045 });
  });

  it('waits for the broker’s answer even when every job already ended', () => {
    const run = new RunTracker();
    run.start('r1', 'noop', 2, 1_000);
    run.jobEnded(1_005);
    run.jobEnded(1_006);
    expect(run.state()?.finishedAt).toBeNull();
    run.settle(2, 1_050);
    expect(run.state()?.finishedAt).toBe(1_050);
  });

  it('counts what the broker accepted when it took fewer than requested', () => {
    const run = new RunTracker();
    run.start('r1', 'noop', 10, 1_000);
    run.settle(1, 1_001);
    run.jobEnded(1_002);
    expect(run.state()).toMatchObject({ count: 1, finishedAt: 1_002 });
  });

  it('ignores endings after the finish, and forgets the run on clear', () => {
    const run = new RunTracker();
    run.start('r1', 'noop', 1, 1_000);
    run.settle(1, 1_000);
    run.jobEnded(1_010);
    run.jobEnded(2_000);
    expect(run.state()?.finishedAt).toBe(1_010);
    run.clear();
    expect(run.state()).toBeUndefined();
  });
});
