import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_COUNT } from '../../demo-server/src/protocol/index.ts';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';

describe('the HTTP API', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    await requireRedis();
    await requireRabbitmq();
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
    if (server) await deleteNamespace(server.config.namespace);
    if (server) await purgeAmqpNamespace(server.config.namespace);
  });

  it('lists every lane with its status', async () => {
    const health = await getJson(`${server.url}/api/health`);
    expect(health.lanes).toEqual([
      { name: 'memory', status: 'up' },
      { name: 'bullmq', status: 'up' },
      { name: 'rabbitmq', status: 'up' },
      // Up with their broker; until a Python worker reports, they also say so, and how to start one.
      expect.objectContaining({ name: 'celery', status: 'up' }),
      expect.objectContaining({ name: 'dramatiq', status: 'up' }),
    ]);
  });

  it('answers every bad input with a 4xx JSON error and changes nothing', async () => {
    const before = await getJson(`${server.url}/api/lanes/memory/stats`);
    const cases: Array<[unknown, number, string]> = [
      ['{not json', 400, 'invalid_json'],
      [{ lane: 'memory' }, 400, 'invalid_body'],
      [{ lane: 'memory', kind: 'noop', count: MAX_COUNT + 1 }, 400, 'invalid_body'],
      [{ lane: 'memory', kind: 'sleep', params: { ms: 600_000 } }, 400, 'invalid_body'],
      [{ lane: 'memory', kind: 'noop', __proto__: { polluted: true }, constructor: 1 }, 400, 'invalid_body'],
      [{ lane: 'kafka', kind: 'noop' }, 404, 'unknown_lane'],
      ['x'.repeat(64 * 1024), 413, 'body_too_large'],
    ];
    for (const [body, status, code] of cases) {
      const res = await postJson(`${server.url}/api/jobs`, body);
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
      expect(typeof res.body.error.message).toBe('string');
    }
    const notJson = await fetch(`${server.url}/api/jobs`, { method: 'POST', body: 'lane=memory' });
    expect(notJson.status).toBe(415);
    expect((await notJson.json()).error.code).toBe('unsupported_media_type');
    expect((await fetch(`${server.url}/api/nope`)).status).toBe(404);
    expect(await getJson(`${server.url}/api/lanes/memory/stats`)).toEqual(before);
  });

  it('clears queues and counters on reset', async () => {
    await postJson(`${server.url}/api/jobs`, { lane: 'bullmq', kind: 'sleep', count: 200, params: { ms: 50 } });
    await waitFor(async () => ((await getJson(`${server.url}/api/lanes/bullmq/stats`)).active > 0 ? true : undefined));
    const reset = await postJson(`${server.url}/api/reset`, {});
    expect(reset.body.lanes).toEqual([
      { name: 'memory', reset: true },
      { name: 'bullmq', reset: true },
      { name: 'rabbitmq', reset: true },
      { name: 'celery', reset: true },
      { name: 'dramatiq', reset: true },
    ]);
    // Jobs already running when the reset came finish, but are not counted again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await getJson(`${server.url}/api/lanes/bullmq/stats`)).toEqual({
      waiting: 0,
      active: 0,
      completed: 0,
      failed: 0,
      retried: 0,
    });
  });
});

describe('a lane whose broker is unreachable', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    server = await startTestServer({
      redisUrl: 'redis://127.0.0.1:1',
      amqpUrl: 'amqp://guest:guest@127.0.0.1:1',
      workerConcurrency: 0,
    });
  });
  afterAll(async () => server?.stop());

  it('is reported down with how to start it, while the memory lane keeps working', async () => {
    const health = await getJson(`${server.url}/api/health`);
    const byName = Object.fromEntries(health.lanes.map((lane: { name: string }) => [lane.name, lane]));
    expect(byName.memory.status).toBe('up');
    expect(byName.bullmq).toMatchObject({ status: 'down', detail: expect.stringContaining('redis://127.0.0.1:1') });
    expect(byName.bullmq.hint).toContain('redis');
    expect(byName.rabbitmq).toMatchObject({ status: 'down', detail: expect.stringContaining('127.0.0.1:1') });
    expect(byName.rabbitmq.hint).toContain('rabbitmq');
    expect(byName.celery).toMatchObject({ status: 'down', detail: expect.stringContaining('127.0.0.1:1') });
    expect(byName.dramatiq).toMatchObject({ status: 'down', detail: expect.stringContaining('127.0.0.1:1') });

    const refused = await postJson(`${server.url}/api/jobs`, { lane: 'bullmq', kind: 'noop' });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('lane_down');

    const accepted = await postJson(`${server.url}/api/jobs`, { lane: 'memory', kind: 'noop', count: 100 });
    expect(accepted.status).toBe(202);
    await waitFor(async () => ((await getJson(`${server.url}/api/lanes/memory/stats`)).completed === 100 ? true : undefined));
  });
});

describe('the metrics endpoint', () => {
  it('exposes every lane in Prometheus text format', async () => {
    const server = await startTestServer({ workerConcurrency: 0 }, ['memory']);
    try {
      await postJson(`${server.url}/api/jobs`, { lane: 'memory', kind: 'noop', count: 5 });
      await waitFor(async () => ((await getJson(`${server.url}/api/lanes/memory/stats`)).completed === 5 ? true : undefined));
      const res = await fetch(`${server.url}/metrics`);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const text = await res.text();
      expect(text).toContain('demo_lane_up{lane="memory"} 1');
      expect(text).toContain('demo_lane_jobs{lane="memory",state="completed"} 5');
    } finally {
      await server.stop();
    }
  });
});

describe('a server that runs some lanes only', () => {
  it('answers 404 for a lane it does not run, naming the lanes it does', async () => {
    const server = await startTestServer({ workerConcurrency: 0 }, ['memory']);
    try {
      const res = await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'noop' });
      expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 404, code: 'unknown_lane' });
      expect(res.body.error.message).toContain('Lanes here: memory');
      const race = await postJson(`${server.url}/api/race`, { lanes: ['dramatiq'], count: 10 });
      expect({ status: race.status, code: race.body.error.code }).toEqual({ status: 404, code: 'unknown_lane' });
    } finally {
      await server.stop();
    }
  });
});
