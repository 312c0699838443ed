import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { snapshotMessageSchema } from '../../demo-server/src/protocol/index.ts';
import { keepEnqueuing } from '../support/burst.ts';
import { getJson, startTestServer, waitFor } from '../support/demo-server.ts';
import { settled } from '../support/lane-contract.ts';
import { PrivateRabbitmq, PrivateRedis } from '../support/private-brokers.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const laneStatus = async (server: TestServer, lane: string) =>
  (await getJson(`${server.url}/api/health`)).lanes.find((l: { name: string }) => l.name === lane).status as string;

/** What a deck that connects now is told about the RabbitMQ lane's jobs done twice. */
async function duplicatesShown(server: TestServer): Promise<number | undefined> {
  const ws = new WebSocket(server.url.replace('http', 'ws') + '/ws');
  try {
    const [data] = (await once(ws, 'message')) as [Buffer];
    const snapshot = snapshotMessageSchema.parse(JSON.parse(data.toString()));
    return snapshot.lanes.find((lane) => lane.name === 'rabbitmq')?.duplicates;
  } finally {
    ws.close();
  }
}

/** Waits for the lane to report `status`, returning how long it took in ms. */
async function timeUntilStatus(server: TestServer, lane: string, status: 'up' | 'down', timeoutMs: number) {
  const start = Date.now();
  await waitFor(async () => ((await laneStatus(server, lane)) === status ? true : undefined), {
    what: `${lane} ${status}`,
    timeoutMs,
    intervalMs: 25,
  });
  return Date.now() - start;
}

describe('a Redis that is killed with kill -9 mid-burst and restarted', () => {
  let redis: PrivateRedis;
  let server: TestServer;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    server = await startTestServer({ redisUrl: redis.url, rateLimitPerMinute: 1_000_000 }, ['bullmq']);
  });
  afterAll(async () => {
    await server?.stop();
    await redis?.stop();
  });

  it('shows the lane down then up by itself, refuses with 503 meanwhile, and completes every accepted job', async () => {
    const burst = keepEnqueuing(server.url, { lane: 'bullmq', kind: 'sleep', count: 50, params: { ms: 2 } }, 20);
    await waitFor(() => (burst.tally.accepted >= 1_000 ? true : undefined), { what: '1,000 accepted' });

    redis.kill();
    const downAfterMs = await timeUntilStatus(server, 'bullmq', 'down', 2_000);
    await waitFor(() => (burst.tally.refused >= 3 ? true : undefined), { what: 'refusals while down' });

    await redis.restart();
    const upAfterMs = await timeUntilStatus(server, 'bullmq', 'up', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const tally = await burst.stop();

    expect(tally.otherStatuses).toEqual([]);
    const stats = await settled(server, 'bullmq', tally.accepted, 60_000);
    expect(stats.failed).toBe(0);
    // Every 202 completed; a request cut by the kill may have left a few jobs in Redis too.
    expect(stats.completed).toBeGreaterThanOrEqual(tally.accepted);
    expect(stats.completed).toBeLessThanOrEqual(tally.accepted + tally.inFlightLost + tally.refusedMidPublish);
    console.info(
      `redis kill -9: down after ${downAfterMs} ms, up ${upAfterMs} ms after restart; accepted ${tally.accepted}, ` +
        `refused ${tally.refused} requests, completed ${stats.completed}`,
    );
  }, 120_000);
});

describe('a private RabbitMQ node', () => {
  // One node for both cases, each with a server and namespace of its own: a node takes seconds to boot.
  let rabbit: PrivateRabbitmq;

  beforeAll(async () => {
    rabbit = await PrivateRabbitmq.start();
  }, 120_000);
  afterAll(async () => {
    await rabbit?.stop();
  }, 60_000);

  describe.each(['stopped cleanly', 'killed with kill -9'] as const)('%s mid-burst and restarted', (how) => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startTestServer({ amqpUrl: rabbit.url, rateLimitPerMinute: 1_000_000 }, ['rabbitmq']);
    });
    afterAll(async () => {
      await server?.stop();
    }, 30_000);

    it('loses no confirmed job: publishers refuse while it is away, and everything accepted completes', async () => {
      const burst = keepEnqueuing(server.url, { lane: 'rabbitmq', kind: 'sleep', count: 50, params: { ms: 2 } }, 20);
      await waitFor(() => (burst.tally.accepted >= 1_000 ? true : undefined), { what: '1,000 accepted' });

      // `rabbitmqctl stop` returns once the node has stopped (its own boot takes seconds): down is timed from there.
      if (how === 'stopped cleanly') await rabbit.stopCleanly();
      else rabbit.kill();
      const downAfterMs = await timeUntilStatus(server, 'rabbitmq', 'down', 5_000);
      await waitFor(() => (burst.tally.refused >= 3 ? true : undefined), { what: 'refusals while down' });

      await rabbit.restart();
      const upAfterMs = await timeUntilStatus(server, 'rabbitmq', 'up', 15_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const tally = await burst.stop();

      expect(tally.otherStatuses).toEqual([]);
      const settling = Date.now();
      const stats = await settled(server, 'rabbitmq', tally.accepted, 90_000);
      const settledAfterMs = Date.now() - settling;
      expect(stats.failed).toBe(0);
      expect(stats.completed).toBeGreaterThanOrEqual(tally.accepted);
      expect(stats.completed).toBeLessThanOrEqual(tally.accepted + tally.inFlightLost + tally.refusedMidPublish);
      const duplicates = server.hub.monitor('rabbitmq')!.duplicateCompletions();
      if (how === 'stopped cleanly') {
        // A clean stop writes every ack it received: only jobs the worker held unacked (its prefetch) run twice.
        expect(duplicates).toBeLessThanOrEqual(server.config.workerConcurrency);
      }
      // After kill -9 there is no such bound: acks are not written to disk as they arrive, and those in
      // flight die with the node, which then hands back jobs the worker had already done. At least once
      // allows that; what it promises is above (nothing accepted is lost) and that each is counted and shown.
      await waitFor(async () => ((await duplicatesShown(server)) === server.hub.monitor('rabbitmq')!.duplicateCompletions() ? true : undefined), {
        what: 'the duplicates counted to be the duplicates shown',
      });
      console.info(
        `rabbitmq ${how}: down after ${downAfterMs} ms, up ${upAfterMs} ms after restart; accepted ${tally.accepted}, ` +
          `refused ${tally.refused} requests, completed ${stats.completed} (all within ${settledAfterMs} ms), duplicates ${duplicates}`,
      );
    }, 180_000);
  });
});
