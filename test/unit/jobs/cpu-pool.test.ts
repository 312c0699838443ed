import { afterEach, describe, expect, it } from 'vitest';
import { CpuJobAborted, CpuPool } from '../../../demo-server/src/jobs/cpu-pool.ts';
import { burnCpu } from '../../../demo-server/src/jobs/run-job.ts';

describe('the cpu thread pool', () => {
  let pool: CpuPool;
  afterEach(() => pool?.abort('the test ended'));

  it('runs the same busy loop as the workers, on threads, as many at once as it has threads', async () => {
    pool = new CpuPool(2);
    const runs = [10, 20_000, 3_000_000, 7].map((n) => pool.run(n));
    expect(pool.pending()).toBe(4);
    expect(await Promise.all(runs)).toEqual([10, 20_000, 3_000_000, 7].map(burnCpu));
    expect(pool.pending()).toBe(0);
  }, 30_000);

  it('fails every job at once on abort, and starts fresh threads for the next', async () => {
    pool = new CpuPool(1);
    const outcomes = Promise.allSettled([pool.run(50_000_000), pool.run(50_000_000)]);
    const aborted = Date.now();
    await pool.abort();
    const [running, queued] = await outcomes;
    expect(running.status === 'rejected' && running.reason).toBeInstanceOf(CpuJobAborted);
    expect(queued.status === 'rejected' && queued.reason.message).toMatch(/reset/);
    expect(Date.now() - aborted).toBeLessThan(2_000);
    expect(await pool.run(1_000)).toBe(burnCpu(1_000));
  }, 30_000);
});
