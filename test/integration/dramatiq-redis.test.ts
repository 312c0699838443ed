import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dramatiqMessage, dramatiqNames, encodeDramatiqMessage } from '../../demo-server/src/lanes/dramatiq-message.ts';
import { DramatiqRedisBroker } from '../../demo-server/src/lanes/dramatiq-redis-broker.ts';
import { dramatiqRedisKeys, withRedisMessageId } from '../../demo-server/src/lanes/dramatiq-redis-layout.ts';
import { redisEventStream } from '../../demo-server/src/lanes/redis-events.ts';
import type { JobSpec } from '../../demo-server/src/protocol/index.ts';
import { deleteNamespace, deleteRedisKeysMentioning, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer, uniqueNamespace, waitFor } from '../support/demo-server.ts';

/**
 * What Dramatiq 2.2.0's RedisBroker (tag v2.2.0, commit 5a1f74eabe3a4c5ddd54a78611d8da34e4013249:
 * dramatiq/brokers/redis.py, brokers/redis/dispatch.lua), with Debian's redis-py 4.3.4, sent to its
 * dispatch script and left in Redis for `actor.send(...)` of the actors in dramatiq_actors.py,
 * recorded by test/fixtures/dramatiq/capture_redis_messages.py in the namespace `capture-fixture`.
 */
const fixture = JSON.parse(readFileSync(new URL('../fixtures/dramatiq/redis-messages-2.2.0.json', import.meta.url), 'utf8')) as {
  brokerId: string;
  dispatched: Array<{ keys: string[]; args: Array<string | number> }>;
  stored: { keys: string[]; queue: string[]; messages: Record<string, string>; heartbeat: boolean };
};
const FIXTURE_QUEUE = dramatiqNames('capture-fixture').queue;
const REDIS = 'redis://127.0.0.1:6379';
/** Nothing listens there: with DEMO_DRAMATIQ_BROKER=redis the lane must not need RabbitMQ at all. */
const NO_RABBITMQ = 'amqp://guest:guest@127.0.0.1:1';

const jobs: JobSpec[] = [
  { kind: 'sleep', params: { ms: 200 } },
  { kind: 'flaky', params: { failRate: 0.3 } },
  { kind: 'noop', params: {} },
];
const messageIds = jobs.map((_, i) => `00000000-0000-4000-8000-00000000000${i}`);
const timestamps = jobs.map((_, i) => 1795600000000 + i);

describe("Dramatiq on Redis: what RedisBroker's enqueue writes, byte for byte", () => {
  it('encodes each message with its Redis message id as RedisBroker.enqueue does', () => {
    fixture.dispatched.forEach(({ keys, args }, i) => {
      const [command, , queue, , , , , , redisId, data] = args;
      expect({ keys, command, queue }).toEqual({ keys: ['dramatiq'], command: 'enqueue', queue: FIXTURE_QUEUE });
      const message = withRedisMessageId(dramatiqMessage(jobs[i]!, FIXTURE_QUEUE, messageIds[i]!, timestamps[i]!), redisId as string);
      expect(encodeDramatiqMessage(message).toString('utf8')).toBe(data);
    });
  });

  describe('written to Redis', () => {
    const namespace = uniqueNamespace();
    const queue = dramatiqNames(namespace).queue;
    const redis = new Redis(REDIS, { lazyConnect: true });
    let broker: DramatiqRedisBroker;

    beforeAll(async () => {
      await requireRedis();
      broker = new DramatiqRedisBroker(REDIS, namespace, dramatiqNames(namespace), { events: () => {}, heartbeat: () => {} });
      await broker.start();
    });
    afterAll(async () => {
      await broker?.close();
      redis.disconnect();
      await deleteRedisKeysMentioning(namespace);
    });

    it("holds what dispatch.lua's enqueue leaves: the ids in the queue's list, the messages in its hash, the producer's heartbeat", async () => {
      let sent = 0;
      const { accepted } = await broker.publishMessages({
        job: { kind: 'noop', params: {} },
        count: jobs.length,
        message: () => {
          const i = sent++;
          return dramatiqMessage(jobs[i]!, queue, messageIds[i]!, timestamps[i]!);
        },
        emit: () => {},
      });
      expect(accepted).toBe(3);
      const keys = dramatiqRedisKeys(queue);
      expect((await redis.keys(`dramatiq:${namespace}*`)).sort()).toEqual(fixture.stored.keys.map((key) => key.replace(FIXTURE_QUEUE, queue)));
      const ours = await redis.lrange(keys.queue, 0, -1);
      expect(ours).toHaveLength(fixture.stored.queue.length);
      const stored = await redis.hgetall(keys.messages);
      ours.forEach((redisId, i) => {
        const theirId = fixture.stored.queue[i]!;
        const theirs = fixture.stored.messages[theirId]!.replace(FIXTURE_QUEUE, queue).replace(theirId, redisId);
        expect(stored[redisId]).toBe(theirs);
      });
      expect(fixture.stored.heartbeat).toBe(true);
      expect(await redis.zscore(keys.heartbeats, broker.brokerId)).not.toBeNull();
    });

    it('empties the queue, its delay queue and its dead letters on purge, as RedisBroker.flush does', async () => {
      const keys = dramatiqRedisKeys(queue);
      await redis.rpush(keys.delayed, 'x');
      await redis.zadd(keys.dead, 1, 'y');
      await broker.purge();
      expect(await redis.keys(`dramatiq:${namespace}*`)).toEqual([]);
    });
  });
});

describe('the dramatiq lane on Redis, without a Dramatiq worker', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const redis = new Redis(REDIS, { lazyConnect: true });

  beforeAll(async () => {
    await requireRedis();
    server = await startTestServer({ dramatiqBroker: 'redis', amqpUrl: NO_RABBITMQ, workerConcurrency: 0 }, ['dramatiq']);
  });
  afterAll(async () => {
    redis.disconnect();
    await server?.stop();
    if (server) await Promise.all([deleteRedisKeysMentioning(server.config.namespace), deleteNamespace(server.config.namespace)]);
  });

  it('is up with no RabbitMQ at all, says no worker is consuming and how to start one on Redis', async () => {
    const [health] = (await getJson(`${server.url}/api/health`)).lanes;
    expect(health).toMatchObject({ name: 'dramatiq', status: 'up', detail: expect.stringMatching(/No Dramatiq worker .* on Redis/) });
    expect(health.hint).toContain('DEMO_DRAMATIQ_BROKER=redis docker compose up -d dramatiq-worker');
  });

  it('leaves each job in Redis as `actor.send()` on a RedisBroker would', async () => {
    const res = await postJson(`${server.url}/api/jobs`, { lane: 'dramatiq', kind: 'sleep', count: 3, params: { ms: 20 } });
    expect(res.body.accepted).toBe(3);
    const keys = dramatiqRedisKeys(dramatiqNames(server.config.namespace).queue);
    const ids = await redis.lrange(keys.queue, 0, -1);
    expect(ids).toHaveLength(3);
    const queue = dramatiqNames(server.config.namespace).queue.replaceAll('.', '\\.');
    for (const id of ids) {
      expect(await redis.hget(keys.messages, id)).toMatch(
        new RegExp(
          `^\\{"queue_name":"${queue}","actor_name":"sleep","args":\\[20\\],"kwargs":\\{\\},"options":\\{"redis_message_id":"${id}"\\},` +
            '"message_id":"[0-9a-f-]{36}","message_timestamp":\\d{13}\\}$',
        ),
      );
    }
    expect(await getJson(`${server.url}/api/lanes/dramatiq/stats`)).toMatchObject({ waiting: 3 });
  });

  it("lists a worker and counts its jobs from what demo_reporting.py's Redis sink writes to the stream", async () => {
    const keys = dramatiqRedisKeys(dramatiqNames(server.config.namespace).queue);
    const [first] = await redis.lrange(keys.queue, 0, 0);
    const { message_id: jobId } = JSON.parse((await redis.hget(keys.messages, first!))!) as { message_id: string };
    const stream = redisEventStream(server.config.namespace);
    const worker = 'dramatiq@elsewhere:4242';
    // The entries _RedisSink.publish adds: the AMQP routing key, and the JSON the Node workers publish.
    await redis.xadd(stream, '*', 'key', 'worker.dramatiq', 'body', JSON.stringify({ id: worker, host: 'elsewhere', pid: 4242, concurrency: 8 }));
    const events = [
      { type: 'started', jobId },
      { type: 'completed', jobId, enqueuedAt: Date.now() - 5 },
    ];
    await redis.xadd(stream, '*', 'key', 'job.dramatiq', 'body', JSON.stringify({ worker, events }));
    const listed = await waitFor(() => server.hub.lane('dramatiq')!.workers().find((w) => w.id === worker), { what: 'the reporting worker' });
    expect(listed).toMatchObject({ host: 'elsewhere', pid: 4242, concurrency: 8 });
    await waitFor(async () => ((await getJson(`${server.url}/api/lanes/dramatiq/stats`)).completed === 1 ? true : undefined), {
      what: 'the completed job',
    });
    expect(await getJson(`${server.url}/api/lanes/dramatiq/stats`)).toMatchObject({ waiting: 2, completed: 1 });
  });

  it("empties Dramatiq's keys on reset", async () => {
    await postJson(`${server.url}/api/reset`, {});
    expect(await redis.keys(`dramatiq:${server.config.namespace}*`)).toEqual([]);
  });
});
