import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burnCpu } from '../../demo-server/src/jobs/run-job.ts';
import { controlMessage } from '../../demo-server/src/lanes/celery-control.ts';
import { celeryTaskMessage } from '../../demo-server/src/lanes/celery-message.ts';
import { celeryKombuMessage } from '../../demo-server/src/lanes/celery-redis-broker.ts';
import { celeryNames } from '../../demo-server/src/lanes/celery-topology.ts';
import { kombuEnvelope, kombuQueueLists } from '../../demo-server/src/lanes/kombu-redis.ts';
import type { JobSpec } from '../../demo-server/src/protocol/index.ts';
import { deleteRedisKeysMentioning, requireRedis } from '../support/brokers.ts';
import { publishWithCeleryToRedis, requireCelery, type CeleryRedisCapture } from '../support/celery.ts';
import { getJson, postJson, startTestServer, uniqueNamespace, waitFor } from '../support/demo-server.ts';
import { settled } from '../support/lane-contract.ts';

/** Nothing listens there: with DEMO_CELERY_BROKER=redis the lane must not need RabbitMQ at all. */
const NO_RABBITMQ = 'amqp://guest:guest@127.0.0.1:1';
const REDIS = 'redis://127.0.0.1:6379';

/** The jobs publish_to_redis.py sends, in its order, with its task ids. */
const capturedJobs: JobSpec[] = [
  { kind: 'sleep', params: { ms: 200 } },
  { kind: 'flaky', params: { failRate: 0.3 } },
  { kind: 'noop', params: {} },
];

type Envelope = { body: string; headers: Record<string, unknown>; properties: Record<string, unknown> };

/** An envelope with what differs between any two sends (ids, producer, times) set aside, everything else kept. */
function withoutIds(text: string, namespace: string) {
  const { body, headers, properties, ...rest } = JSON.parse(text) as Envelope;
  const { id: _, root_id: __, origin: ___, ...fixedHeaders } = headers;
  const { correlation_id: _c, reply_to: _r, delivery_tag: _d, delivery_info, ...fixedProperties } = properties;
  return {
    keys: Object.keys(JSON.parse(text) as object),
    rest,
    headers: fixedHeaders,
    headerKeys: Object.keys(headers),
    properties: fixedProperties,
    propertyKeys: Object.keys(properties),
    deliveryInfo: JSON.stringify(delivery_info).replaceAll(namespace, '<ns>'),
    body: Buffer.from(body, 'base64').toString('utf8'),
  };
}

/** What Debian's Celery wrote to Redis, once for the whole file: a Python start costs seconds. */
const pythonNamespace = uniqueNamespace();
let captured: CeleryRedisCapture;

beforeAll(async () => {
  await Promise.all([requireRedis(), requireCelery()]);
  captured = await publishWithCeleryToRedis(pythonNamespace);
});
afterAll(() => deleteRedisKeysMentioning(pythonNamespace));

describe("Celery on Redis: what Celery's own client writes, byte for byte", () => {
  const namespace = pythonNamespace;

  it("pushes each task in kombu's Redis envelope, exactly as `apply_async` does", () => {
    expect(captured.tasks).toHaveLength(capturedJobs.length);
    const queue = celeryNames(namespace).queue;
    captured.tasks.forEach((text, i) => {
      const theirs = JSON.parse(text) as Envelope;
      const producer = { origin: theirs.headers.origin as string, replyTo: captured.replyTo };
      const message = celeryTaskMessage(capturedJobs[i]!, theirs.headers.id as string, producer);
      const ours = kombuEnvelope(celeryKombuMessage(message), '', queue, theirs.properties.delivery_tag as string);
      expect(ours).toBe(text);
    });
  });

  it('sends enable_events on the pidbox channel as `app.control` does', () => {
    const theirs = JSON.parse(captured.control.data) as Envelope;
    const { body, headers } = controlMessage('enable_events', theirs.headers.clock as number);
    const ours = kombuEnvelope({ body, headers }, `${namespace}.pidbox`, '', theirs.properties.delivery_tag as string);
    // Only the expiry differs: now + 1 s, on each side's clock.
    const sameExpiry = (text: string) => text.replace(/"expires": [0-9.e+]+/, '"expires": 0');
    expect(sameExpiry(ours)).toBe(sameExpiry(captured.control.data));
    expect(captured.control.channel).toBe(`/0.${namespace}.pidbox`);
  });
});

describe('the celery lane on Redis, without a worker', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const redis = new Redis(REDIS, { lazyConnect: true });

  beforeAll(async () => {
    server = await startTestServer({ celeryBroker: 'redis', amqpUrl: NO_RABBITMQ, workerConcurrency: 0 }, ['celery']);
  });
  afterAll(async () => {
    redis.disconnect();
    await server?.stop();
    if (server) await deleteRedisKeysMentioning(server.config.namespace);
  });

  it('is up with no RabbitMQ at all, says no worker is consuming and how to start one on Redis', async () => {
    const [health] = (await getJson(`${server.url}/api/health`)).lanes;
    expect(health).toMatchObject({ name: 'celery', status: 'up', detail: expect.stringMatching(/No Celery worker .* on Redis/) });
    expect(health.hint).toContain('DEMO_CELERY_BROKER=redis npm run worker:celery');
    expect(server.hub.snapshot().lanes.find((lane) => lane.name === 'celery')!.capabilities.broker).toBe('Redis (Celery protocol v2)');
  });

  it("leaves each job in the queue's list as Celery's client does, field by field, and binds the queue as it does", async () => {
    const { namespace } = server.config;
    const res = await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'noop', count: 3 });
    expect(res.body.accepted).toBe(3);
    const queue = celeryNames(namespace).queue;
    const ours = (await redis.lrange(queue, 0, -1)).reverse();
    expect(ours).toHaveLength(3);
    const theirs = withoutIds(captured.tasks[2]!, pythonNamespace);
    for (const text of ours) expect(withoutIds(text, namespace)).toEqual(theirs);
    const [envelope] = ours.map((text) => JSON.parse(text) as Envelope);
    expect(envelope!.properties.correlation_id).toBe(envelope!.headers.id);
    expect(envelope!.headers.root_id).toBe(envelope!.headers.id);
    expect(envelope!.headers.origin).toMatch(/^gen\d+@/);
    const bindings = await redis.smembers(`_kombu.binding.${queue}`);
    expect(bindings).toEqual(captured.bindings.map((member) => member.replaceAll(pythonNamespace, namespace)));
    expect(await getJson(`${server.url}/api/lanes/celery/stats`)).toMatchObject({ waiting: 3 });
  });

  it("empties the queue's lists on reset", async () => {
    await postJson(`${server.url}/api/reset`, {});
    const lengths = await Promise.all(kombuQueueLists(celeryNames(server.config.namespace).queue).map((list) => redis.llen(list)));
    expect(lengths).toEqual([0, 0, 0, 0]);
  });
});

describe('the celery lane on Redis, with a real Celery worker (Debian python3-celery)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    server = await startTestServer({ celeryBroker: 'redis', amqpUrl: NO_RABBITMQ, workerConcurrency: 4 }, ['celery']);
  });
  afterAll(async () => {
    await server?.stop();
    if (server) await deleteRedisKeysMentioning(server.config.namespace);
  });

  it('lists the worker from its events, with the pool size its answer to `stats` gave', async () => {
    const worker = await waitFor(() => server.hub.lane('celery')!.workers().find((w) => w.concurrency === 4), {
      what: 'the Celery worker on Redis, with its pool size',
      timeoutMs: 30_000,
    });
    expect(worker.id).toMatch(/^demo-server-\d+@/);
    expect((await getJson(`${server.url}/api/health`)).lanes).toEqual([{ name: 'celery', status: 'up' }]);
  }, 40_000);

  it("completes 2,000 jobs sent through POST /api/jobs, counted from Celery's events", async () => {
    const res = await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'noop', count: 2_000 });
    expect(res.status).toBe(202);
    expect(res.body.accepted).toBe(2_000);
    expect(await settled(server, 'celery', 2_000, 45_000)).toEqual({ waiting: 0, active: 0, completed: 2_000, failed: 0, retried: 0 });
    const state = server.hub.snapshot().lanes.find((lane) => lane.name === 'celery')!;
    expect(state.latency.p50).not.toBeNull();
  }, 50_000);

  it('reads results and failures back from the Redis result backend', async () => {
    await postJson(`${server.url}/api/reset`, {});
    await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'cpu', count: 1, params: { n: 1000 } });
    await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'flaky', count: 1, params: { failRate: 1 } });
    expect(await settled(server, 'celery', 2)).toMatchObject({ completed: 1, failed: 1, retried: 2 });
    const ended = server.hub.monitor('celery')!.recentJobs().filter((job) => job.state === 'completed' || job.state === 'failed');
    const results = await Promise.all(ended.map((job) => server.hub.lane('celery')!.result!(job.id, 'cpu')));
    expect(results).toContainEqual({ status: 'succeeded', value: burnCpu(1000) });
    expect(results).toContainEqual({ status: 'failed', error: expect.stringContaining('FlakyError') });
  }, 30_000);
});

describe('the celery lane on Redis, when Redis is away', () => {
  it('is down, and says how to start Redis', async () => {
    const server = await startTestServer({ celeryBroker: 'redis', amqpUrl: NO_RABBITMQ, redisUrl: 'redis://127.0.0.1:1', workerConcurrency: 0 }, ['celery']);
    try {
      const [health] = (await getJson(`${server.url}/api/health`)).lanes;
      expect(health).toMatchObject({ name: 'celery', status: 'down', detail: expect.stringContaining("Celery's broker") });
      expect(health.hint).toContain('docker compose up -d redis');
      const res = await postJson(`${server.url}/api/jobs`, { lane: 'celery', kind: 'noop', count: 1 });
      expect(res.status).toBe(503);
    } finally {
      await server.stop();
    }
  });
});
