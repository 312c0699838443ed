import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burnCpu } from '../../demo-server/src/jobs/run-job.ts';
import { purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { requireCelery, startCeleryWorkerByHand } from '../support/celery.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';
import { runLaneContract, settled } from '../support/lane-contract.ts';

const requireAll = async () => {
  await Promise.all([requireRabbitmq(), requireRedis(), requireCelery()]);
};

// The server starts a real Celery worker (Debian's python3-celery), as `npm start` does.
runLaneContract('celery', {
  attempts: 3,
  resultStore: true,
  requireBroker: requireAll,
  cleanup: (namespace) => purgeAmqpNamespace(namespace),
});

describe('the celery lane with a Celery worker the server did not start', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let worker: ChildProcess | undefined;
  const node = `by-hand-${process.pid}@test`;

  beforeAll(async () => {
    await requireAll();
    server = await startTestServer({ workerConcurrency: 0 }, ['celery']);
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await server?.stop();
    if (server) await purgeAmqpNamespace(server.config.namespace);
  });

  it('says no worker is consuming, and how to start one, while jobs wait in the queue', async () => {
    const [health] = (await getJson(`${server.url}/api/health`)).lanes;
    expect(health).toMatchObject({ name: 'celery', status: 'up', detail: expect.stringContaining('No Celery worker') });
    expect(health.hint).toContain('npm run worker:celery');
    const res = await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'noop', count: 5 });
    expect(res.status).toBe(202);
    expect(await getJson(`${server.url}/api/lanes/celery/stats`)).toMatchObject({ waiting: 5, completed: 0 });
    await postJson(`${server.url}/api/reset`, {});
  });

  it('switches on the events of a worker started without -E, as Flower does, then lists and counts it', async () => {
    worker = startCeleryWorkerByHand(server.config.namespace, 3, node);
    const listed = await waitFor(
      () => server.hub.lane('celery')!.workers().find((w) => w.id === node && w.concurrency === 3),
      { what: 'the hand-started Celery worker, with its pool size', timeoutMs: 30_000 },
    );
    expect(listed).toMatchObject({ host: 'test', pid: worker.pid });
    // Its worker events came first; task events follow once our enable_events has reached it.
    await waitFor(
      async () => {
        await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'noop', count: 1 });
        await new Promise((resolve) => setTimeout(resolve, 500));
        return server.hub.monitor('celery')!.currentStats().completed > 0 ? true : undefined;
      },
      { what: 'task events from the hand-started worker', timeoutMs: 20_000 },
    );
    await postJson(`${server.url}/api/reset`, {});
    await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'sleep', count: 200, params: { ms: 5 } });
    expect(await settled(server, 'celery', 200)).toMatchObject({ completed: 200, failed: 0 });
    expect(server.hub.monitor('celery')!.recentJobs().some((job) => job.worker === node)).toBe(true);
  }, 60_000);

  it('counts nothing from before a reset, though the worker still runs the tasks it had fetched', async () => {
    await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'sleep', count: 100, params: { ms: 100 } });
    await waitFor(async () => ((await getJson(`${server.url}/api/lanes/celery/stats`)).active > 0 ? true : undefined));
    await postJson(`${server.url}/api/reset`, {});
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await getJson(`${server.url}/api/lanes/celery/stats`)).toEqual({ waiting: 0, active: 0, completed: 0, failed: 0, retried: 0 });
  });

  it('reads results and failures back from the Redis result backend', async () => {
    await postJson(`${server.url}/api/reset`, {});
    await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'cpu', count: 1, params: { n: 1000 } });
    await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'flaky', count: 1, params: { failRate: 1 } });
    await settled(server, 'celery', 2);
    const ended = server.hub.monitor('celery')!.recentJobs().filter((job) => job.state === 'completed' || job.state === 'failed');
    const results = await Promise.all(ended.map((job) => server.hub.lane('celery')!.result!(job.id, 'cpu')));
    // The same busy loop as the Node workers' burnCpu(1000).
    expect(results).toContainEqual({ status: 'succeeded', value: burnCpu(1000) });
    expect(results).toContainEqual({ status: 'failed', error: expect.stringContaining('FlakyError') });
  }, 30_000);

  it('loses a crash job for good, as Celery acks a message before running it', async () => {
    await postJson(`${server.url}/api/reset`, {});
    await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'crash', count: 1 });
    expect(await settled(server, 'celery', 1)).toMatchObject({ completed: 0, failed: 1 });
    const [lost] = server.hub.monitor('celery')!.recentJobs().filter((job) => job.state === 'failed');
    expect(await server.hub.lane('celery')!.result!(lost!.id, 'crash')).toEqual({
      status: 'failed',
      error: expect.stringContaining('WorkerLostError'),
    });
    // The pool replaced its killed process: the worker is still listed and still works.
    await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'noop', count: 10 });
    expect(await settled(server, 'celery', 11)).toMatchObject({ completed: 10, failed: 1 });
  }, 30_000);
});
