import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringState } from '../../demo-server/src/protocol/index.ts';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe('the monitoring demo over HTTP', () => {
  let server: TestServer;
  const state = async (): Promise<MonitoringState> => (await getJson(`${server.url}/api/demos/monitoring`)).state;

  beforeAll(async () => {
    await Promise.all([requireRedis(), requireRabbitmq()]);
    server = await startTestServer({}, ['bullmq', 'rabbitmq']);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    if (server) {
      await deleteNamespace(server.config.namespace);
      await purgeAmqpNamespace(server.config.namespace);
    }
  });

  it('keeps every lane’s tasks with kind, params, worker and runtime, and re-runs one with the same kind and params', async () => {
    for (const lane of ['bullmq', 'rabbitmq']) {
      expect((await postJson(`${server.url}/api/jobs`, { lane, kind: 'sleep', count: 2, params: { ms: 120 } })).status).toBe(202);
    }
    const done = await waitFor(async () => {
      const s = await state();
      return s.history.completed === 4 ? s : undefined;
    }, { what: 'four tasks completed' });
    expect(done.history).toMatchObject({ kept: 4, limit: 500, failed: 0 });
    for (const task of done.tasks) {
      expect(task).toMatchObject({ kind: 'sleep', state: 'completed', worker: expect.stringContaining(`${task.lane}@`) });
      // Measured between the events' arrivals at the server, so only roughly the 120 ms the job slept.
      expect(task.runtimeMs).toBeGreaterThan(0);
      expect(task.endedAt! - task.enqueuedAt!).toBeGreaterThanOrEqual(100);
    }
    // RabbitMQ's events carry the params; BullMQ's are read back from Redis when asked to re-run.
    const rabbit = done.tasks.find((t) => t.lane === 'rabbitmq')!;
    expect(rabbit.params).toEqual({ ms: 120 });
    const bull = done.tasks.find((t) => t.lane === 'bullmq')!;

    const rerun = await postJson(`${server.url}/api/demos/monitoring/rerun`, { lane: 'bullmq', id: bull.id });
    expect(rerun.status).toBe(202);
    expect(rerun.body).toMatchObject({ lane: 'bullmq', rerunOf: bull.id, kind: 'sleep', params: { ms: 120 } });
    const again = await waitFor(async () => {
      const task = (await state()).tasks.find((t) => t.id === rerun.body.id);
      return task?.state === 'completed' ? task : undefined;
    }, { what: 'the re-run to complete' });
    expect(again).toMatchObject({ lane: 'bullmq', kind: 'sleep', rerunOf: bull.id });
    expect((await state()).tasks.find((t) => t.id === bull.id)?.params).toEqual({ ms: 120 });
  }, 30_000);

  it('refuses to re-run a task it does not know, and forgets the history on reset', async () => {
    const unknown = await postJson(`${server.url}/api/demos/monitoring/rerun`, { lane: 'rabbitmq', id: 'no-such-task' });
    expect(unknown.status).toBe(409);
    expect((await postJson(`${server.url}/api/demos/monitoring/rerun`, { lane: 'nowhere', id: 'x' })).status).toBe(400);
    await postJson(`${server.url}/api/reset`, {});
    expect((await state()).history.kept).toBe(0);
  });

  it('keeps at most 500 tasks and sends only the newest 10', async () => {
    await postJson(`${server.url}/api/jobs`, { lane: 'rabbitmq', kind: 'noop', count: 700 });
    const full = await waitFor(async () => {
      const s = await state();
      return s.history.completed === 500 ? s : undefined;
    }, { what: 'the history to fill up' });
    expect(full.history.kept).toBe(500);
    expect(full.tasks).toHaveLength(10);
    expect(JSON.stringify(full).length).toBeLessThan(8_000);
  }, 30_000);
});
