import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lane } from '../../../demo-server/src/lanes/lane.ts';
import { PacedProducer } from '../../../demo-server/src/scenarios/paced-producer.ts';
import type { JobSpec } from '../../../demo-server/src/protocol/index.ts';

const noop: JobSpec = { kind: 'noop', params: {} };

/** A lane that only records the slices it is given; `hold` keeps each enqueue pending until released. */
function recordingLane({ hold = false } = {}) {
  const slices: number[] = [];
  const pending: Array<() => void> = [];
  const lane = {
    name: 'memory',
    enqueue: (_job: JobSpec, count: number) => {
      slices.push(count);
      if (!hold) return Promise.resolve(count);
      return new Promise<number>((resolve) => pending.push(() => resolve(count)));
    },
  } as unknown as Lane;
  return { lane, slices, release: () => pending.splice(0).forEach((resolve) => resolve()) };
}

describe('PacedProducer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('enqueues the rate per second in small slices', async () => {
    const { lane, slices } = recordingLane();
    const producer = new PacedProducer(lane, pino({ level: 'silent' }), () => Date.now());
    producer.set(50, noop);
    await vi.advanceTimersByTimeAsync(2_000);
    producer.stop();
    expect(slices.reduce((sum, n) => sum + n, 0)).toBe(100);
    expect(Math.max(...slices)).toBeLessThanOrEqual(5);
  });

  it('owes at most one second of jobs to a broker that is slow to answer', async () => {
    const { lane, slices, release } = recordingLane({ hold: true });
    const producer = new PacedProducer(lane, pino({ level: 'silent' }), () => Date.now());
    producer.set(100, noop);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(slices).toEqual([10]);
    release();
    await vi.advanceTimersByTimeAsync(100);
    producer.stop();
    expect(slices[1]).toBeLessThanOrEqual(100);
  });

  it('stops by itself, and reports no state once stopped', async () => {
    const { lane } = recordingLane();
    const producer = new PacedProducer(lane, pino({ level: 'silent' }), () => Date.now());
    expect(producer.set(10, noop)).toMatchObject({ rate: 10, kind: 'noop' });
    await vi.advanceTimersByTimeAsync(3 * 60_000 + 200);
    expect(producer.state()).toBeUndefined();
    expect(producer.set(0, noop)).toBeUndefined();
  });
});
