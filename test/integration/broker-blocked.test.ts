import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisKeysMentioning, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';
import { PrivateRabbitmq, PrivateRedis } from '../support/private-brokers.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const AMQP_LANES = ['rabbitmq', 'celery', 'dramatiq'] as const;

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await work;
  return { value, ms: Date.now() - start };
}

describe('a RabbitMQ that blocks publishers (memory alarm)', () => {
  let rabbit: PrivateRabbitmq;
  let server: TestServer;
  const health = async (lane: string) => (await getJson(`${server.url}/api/health`)).lanes.find((l: { name: string }) => l.name === lane);

  beforeAll(async () => {
    await requireRedis();
    rabbit = await PrivateRabbitmq.start();
    server = await startTestServer({ amqpUrl: rabbit.url, workerConcurrency: 0, rateLimitPerMinute: 1_000_000 }, AMQP_LANES);
    for (const lane of AMQP_LANES) expect((await health(lane)).status).toBe('up');
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await rabbit?.stop();
    if (server) await deleteRedisKeysMentioning(server.config.namespace);
  }, 60_000);

  it('says the lanes are blocked with the broker\'s reason, answers enqueue and reset with 503 within 5 s, and comes back when unblocked', async () => {
    for (const lane of AMQP_LANES) expect((await postJson(`${server.url}/api/jobs`, { lane, kind: 'noop', count: 10 })).status).toBe(202);

    await rabbit.setMemoryHighWatermark('0.0000001');
    try {
      for (const lane of AMQP_LANES) {
        // The broker blocks a connection when it next publishes: this enqueue is the one that finds out.
        const { value: refused, ms } = await timed(postJson(`${server.url}/api/jobs`, { lane, kind: 'noop', count: 10 }));
        expect(refused.status, `${lane}: ${JSON.stringify(refused.body)}`).toBe(503);
        expect(ms).toBeLessThan(5_000);
        expect(refused.body.error.code).toBe('lane_down');
        expect(refused.body.error.message, JSON.stringify(refused.body)).toMatch(/blocks publishers: low on memory/);
        const shown = await health(lane);
        expect(shown).toMatchObject({ status: 'down', detail: expect.stringMatching(/blocks publishers: low on memory/) });
        expect(shown.hint).toMatch(/set_vm_memory_high_watermark/);
        const again = await timed(postJson(`${server.url}/api/jobs`, { lane, kind: 'noop', count: 10 }));
        expect(again.value.status).toBe(503);
        expect(again.ms).toBeLessThan(1_000);
      }
      const { value: reset, ms } = await timed(postJson(`${server.url}/api/reset`, {}));
      expect(reset.status, JSON.stringify(reset.body)).toBe(503);
      expect(ms).toBeLessThan(5_000);
      expect(reset.body.error.message).toMatch(/blocks publishers/);
    } finally {
      await rabbit.setMemoryHighWatermark('0.4');
    }

    for (const lane of AMQP_LANES) {
      await waitFor(async () => ((await health(lane)).status === 'up' ? true : undefined), { what: `${lane} up again`, timeoutMs: 30_000 });
    }
    for (const lane of AMQP_LANES) expect((await postJson(`${server.url}/api/jobs`, { lane, kind: 'noop', count: 10 })).status).toBe(202);
    expect((await postJson(`${server.url}/api/reset`, {})).status).toBe(200);
  }, 120_000);
});

describe('a Redis that stops answering (SIGSTOP)', () => {
  let redis: PrivateRedis;
  let server: TestServer;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    server = await startTestServer({ redisUrl: redis.url, workerConcurrency: 0, rateLimitPerMinute: 1_000_000 }, ['bullmq']);
  });
  afterAll(async () => {
    redis?.resume();
    await server?.stop();
    await redis?.stop();
  }, 60_000);

  it('answers enqueue and reset with 503 within 5 s instead of hanging, and works again when it answers', async () => {
    expect((await postJson(`${server.url}/api/jobs`, { lane: 'bullmq', kind: 'noop', count: 10 })).status).toBe(202);
    redis.pause();
    try {
      const enqueue = await timed(postJson(`${server.url}/api/jobs`, { lane: 'bullmq', kind: 'noop', count: 10 }));
      expect(enqueue.value.status, JSON.stringify(enqueue.value.body)).toBe(503);
      expect(enqueue.ms).toBeLessThan(5_000);
      expect(enqueue.value.body.error.message).toMatch(/timed out/i);
      const reset = await timed(postJson(`${server.url}/api/reset`, {}));
      expect(reset.value.status, JSON.stringify(reset.value.body)).toBe(503);
      expect(reset.ms).toBeLessThan(5_000);
    } finally {
      redis.resume();
    }
    await waitFor(async () => ((await postJson(`${server.url}/api/jobs`, { lane: 'bullmq', kind: 'noop', count: 10 })).status === 202 ? true : undefined), {
      what: 'bullmq taking jobs again',
    });
    expect((await postJson(`${server.url}/api/reset`, {})).status).toBe(200);
  }, 60_000);
});
