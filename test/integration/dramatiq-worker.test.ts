import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteNamespace, deleteRedisKeysMentioning, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';
import { requireDramatiq } from '../support/dramatiq.ts';
import { runLaneContract, settled } from '../support/lane-contract.ts';

const requireBrokers = async () => {
  await Promise.all([requireRabbitmq(), requireRedis()]);
};

// The server starts a real Dramatiq worker (.venv's) and the lane meets the contract, as every other lane does.
await requireDramatiq();

describe('with a real Dramatiq worker', () => {
  runLaneContract('dramatiq', {
    attempts: 3,
    resultStore: true,
    requireBroker: requireBrokers,
    cleanup: (namespace) => purgeAmqpNamespace(namespace),
  });

  describe('the lane and its own Dramatiq worker', () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    beforeAll(async () => {
      await requireBrokers();
      server = await startTestServer({}, ['dramatiq']);
    });
    afterAll(async () => {
      await server?.stop();
      if (server) await purgeAmqpNamespace(server.config.namespace);
    });

    it('counts nothing from before a reset, though the worker still runs the messages it had fetched', async () => {
      await postJson(`${server.url}/api/jobs`, { lane: 'dramatiq', kind: 'sleep', count: 100, params: { ms: 100 } });
      await waitFor(async () => ((await getJson(`${server.url}/api/lanes/dramatiq/stats`)).active > 0 ? true : undefined));
      await postJson(`${server.url}/api/reset`, {});
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(await getJson(`${server.url}/api/lanes/dramatiq/stats`)).toEqual({ waiting: 0, active: 0, completed: 0, failed: 0, retried: 0 });
    });

    it('a crash job kills its worker, and completes on redelivery, as Dramatiq acks after the work', async () => {
      await postJson(`${server.url}/api/jobs`, { lane: 'dramatiq', kind: 'crash', count: 1 });
      expect(await settled(server, 'dramatiq', 1, 45_000)).toMatchObject({ completed: 1, failed: 0 });
      const [done] = server.hub.monitor('dramatiq')!.recentJobs().filter((job) => job.state === 'completed');
      expect(await server.hub.lane('dramatiq')!.result!(done!.id, 'crash')).toEqual({
        status: 'succeeded',
        value: 'survived: redelivered after a crash',
      });
    }, 60_000);
  });
});

describe('with a real Dramatiq worker on Redis (DEMO_DRAMATIQ_BROKER=redis), and no RabbitMQ', () => {
  runLaneContract('dramatiq', {
    attempts: 3,
    resultStore: true,
    // Nothing listens on port 1: the lane and its worker must not need RabbitMQ at all.
    config: { dramatiqBroker: 'redis', amqpUrl: 'amqp://guest:guest@127.0.0.1:1' },
    requireBroker: () => requireRedis(),
    cleanup: (namespace) => Promise.all([deleteRedisKeysMentioning(namespace), deleteNamespace(namespace)]).then(() => {}),
  });
});
