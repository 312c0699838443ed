import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../demo-server/src/config.ts';
import { pythonCanImport } from '../../demo-server/src/lanes/python-workers.ts';
import type { ReliabilityState } from '../../demo-server/src/protocol/demos/reliability.ts';
import type { RetriesState } from '../../demo-server/src/protocol/demos/retries.ts';
import { reliabilityNamespace } from '../../demo-server/src/scenarios/reliability/rig-specs.ts';
import { retriesNamespace } from '../../demo-server/src/scenarios/retries/retry-specs.ts';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';

// Run by `npm run test:dramatiq` (see dramatiq-worker.dramatiq.ts): the Dramatiq columns of the reliability
// and retries demos, with the real Dramatiq worker each demo starts for itself.
const { python } = loadConfig(process.env);
if (!(await pythonCanImport(python, 'dramatiq'))) {
  throw new Error(`${python} cannot import dramatiq: pip install 'dramatiq[rabbitmq,redis]' (or set PYTHON / PYTHONPATH), then npm run test:dramatiq`);
}

describe('the failure demos with a real Dramatiq worker', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    await Promise.all([requireRabbitmq(), requireRedis()]);
    server = await startTestServer({ workerConcurrency: 0 }, ['rabbitmq']);
  });
  afterAll(async () => {
    await server?.stop();
    if (!server) return;
    for (const own of [reliabilityNamespace(server.config.namespace), retriesNamespace(server.config.namespace)]) {
      await Promise.allSettled([deleteNamespace(own), purgeAmqpNamespace(own)]);
    }
  });

  it('Dramatiq loses nothing when its worker is killed mid-task: the running jobs come back', async () => {
    const state = async (): Promise<ReliabilityState> => (await getJson(`${server.url}/api/demos/reliability`)).state;
    expect((await postJson(`${server.url}/api/demos/reliability/start`, {})).status).toBe(202);
    await waitFor(async () => {
      const s = await state();
      const busy = s.lanes.filter((lane) => lane.status === 'busy');
      return s.phase === 'running' && busy.some((l) => l.lane === 'dramatiq') && busy.every((l) => l.started >= s.jobs.concurrency) ? s : undefined;
    }, { timeoutMs: 60_000, intervalMs: 200, what: 'every worker slot to be busy' });
    expect((await postJson(`${server.url}/api/demos/reliability/kill`, {})).status).toBe(202);
    const settled = await waitFor(async () => {
      const s = await state();
      return s.phase === 'settled' ? s : undefined;
    }, { timeoutMs: 60_000, intervalMs: 250, what: 'the verdict' });
    const dramatiq = settled.lanes.find((lane) => lane.lane === 'dramatiq')!;
    expect(dramatiq).toMatchObject({ sent: settled.jobs.perLane, runningAtKill: settled.jobs.concurrency, lost: 0, completed: settled.jobs.perLane });
    expect(dramatiq.redelivered).toBe(dramatiq.runningAtKill);
    expect(settled.lanes.find((lane) => lane.lane === 'celery')!.lost).toBe(settled.jobs.concurrency);
  }, 120_000);

  it("Dramatiq retries flaky jobs with its min_backoff, and gives up after max_retries", async () => {
    expect((await postJson(`${server.url}/api/demos/retries/run`, { failRate: 0.9 })).status).toBe(202);
    const done = await waitFor(async () => {
      const s: RetriesState = (await getJson(`${server.url}/api/demos/retries`)).state;
      return s.phase === 'done' ? s : undefined;
    }, { timeoutMs: 90_000, intervalMs: 250, what: 'the round to end' });
    const dramatiq = done.lanes.find((lane) => lane.lane === 'dramatiq')!;
    expect(dramatiq.status).toBe('done');
    expect(dramatiq.firstTry + dramatiq.afterRetries + dramatiq.deadLettered).toBe(dramatiq.sent);
    for (const job of dramatiq.jobs) {
      if (job.final === 'failed') expect(job.attempts).toHaveLength(3);
      for (let i = 1; i < job.attempts.length; i++) {
        expect(job.attempts[i]!.t - job.attempts[i - 1]!.t).toBeGreaterThanOrEqual(dramatiq.backoffMs[i - 1]!);
      }
    }
  }, 120_000);
});
