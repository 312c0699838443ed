import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { celeryNames } from '../../demo-server/src/lanes/celery-topology.ts';
import { kombuEnvelope, kombuFanoutChannel } from '../../demo-server/src/lanes/kombu-redis.ts';
import { redisEventStream } from '../../demo-server/src/lanes/redis-events.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';
import { PrivateRedis } from '../support/private-brokers.ts';

/** Nothing listens there: on Redis, neither lane may need RabbitMQ. */
const NO_RABBITMQ = 'amqp://guest:guest@127.0.0.1:1';

describe('the celery and dramatiq lanes on a Redis that goes away and comes back', () => {
  let redis: PrivateRedis;
  let server: Awaited<ReturnType<typeof startTestServer>>;

  const lanesHealth = async () => (await getJson(`${server.url}/api/health`)).lanes as Array<{ name: string; status: string; hint?: string }>;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    server = await startTestServer(
      { redisUrl: redis.url, amqpUrl: NO_RABBITMQ, celeryBroker: 'redis', dramatiqBroker: 'redis', workerConcurrency: 0 },
      ['celery', 'dramatiq'],
    );
  });
  afterAll(async () => {
    await server?.stop();
    await redis?.stop();
  });

  it('are down while Redis is away, saying how to start it, and refuse jobs', async () => {
    expect((await lanesHealth()).map((lane) => lane.status)).toEqual(['up', 'up']);
    redis.kill();
    const down = await waitFor(async () => {
      const lanes = await lanesHealth();
      return lanes.every((lane) => lane.status === 'down') ? lanes : undefined;
    }, { what: 'both lanes down' });
    for (const lane of down) expect(lane.hint).toContain('docker compose up -d redis');
    for (const lane of ['celery', 'dramatiq']) expect((await postJson(`${server.url}/api/jobs`, { lane, kind: 'noop', count: 1 })).status).toBe(503);
  });

  it('come back by themselves, take jobs, and hear their workers again', async () => {
    await redis.restart();
    await waitFor(async () => ((await lanesHealth()).every((lane) => lane.status === 'up') ? true : undefined), {
      what: 'both lanes up again',
    });
    for (const lane of ['celery', 'dramatiq']) {
      expect((await postJson(`${server.url}/api/jobs`, { lane, kind: 'noop', count: 5 })).body.accepted).toBe(5);
    }
    const client = new Redis(redis.url);
    try {
      const { namespace } = server.config;
      // A Celery worker's heartbeat on the event channel: heard only if the lane subscribed again.
      const heartbeat = { hostname: 'w@elsewhere', pid: 11, type: 'worker-heartbeat', timestamp: Date.now() / 1000 };
      const envelope = kombuEnvelope({ body: Buffer.from(JSON.stringify(heartbeat)), headers: { hostname: 'w@elsewhere' } }, celeryNames(namespace).events, 'worker.heartbeat');
      await client.publish(kombuFanoutChannel(0, celeryNames(namespace).events, 'worker.heartbeat'), envelope);
      // A Dramatiq worker's heartbeat on the report stream: read only if the lane reads on.
      const beat = { id: 'dramatiq@elsewhere:12', host: 'elsewhere', pid: 12, concurrency: 2 };
      await client.xadd(redisEventStream(namespace), '*', 'key', 'worker.dramatiq', 'body', JSON.stringify(beat));
      await waitFor(() => server.hub.lane('celery')!.workers().find((w) => w.id === 'w@elsewhere'), { what: 'the Celery worker heard' });
      await waitFor(() => server.hub.lane('dramatiq')!.workers().find((w) => w.id === beat.id), { what: 'the Dramatiq worker heard' });
    } finally {
      client.disconnect();
    }
  });
});
