import { readFileSync } from 'node:fs';
import { connect } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../demo-server/src/config.ts';
import { dramatiqNames } from '../../demo-server/src/lanes/dramatiq-message.ts';
import { pythonCanImport } from '../../demo-server/src/lanes/python-workers.ts';
import { purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';
import { runLaneContract, settled } from '../support/lane-contract.ts';

const requireBrokers = async () => {
  await Promise.all([requireRabbitmq(), requireRedis()]);
};

/** What Dramatiq 2.2.0's RabbitmqBroker declared, recorded by test/fixtures/dramatiq/capture_messages.py. */
const captured = JSON.parse(readFileSync(new URL('../fixtures/dramatiq/messages-2.2.0.json', import.meta.url), 'utf8')) as {
  rabbitmq: { declared: Array<{ queue: string; arguments: Record<string, unknown> }> };
};

describe('the dramatiq lane without a Dramatiq worker', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    await requireBrokers();
    server = await startTestServer({ workerConcurrency: 0 }, ['dramatiq']);
  });
  afterAll(async () => {
    await server?.stop();
    if (server) await purgeAmqpNamespace(server.config.namespace);
  });

  it('is up, says no worker is consuming, and how to start one', async () => {
    const [health] = (await getJson(`${server.url}/api/health`)).lanes;
    expect(health).toMatchObject({ name: 'dramatiq', status: 'up', detail: expect.stringContaining('No Dramatiq worker') });
    expect(health.hint).toContain('docker compose up -d dramatiq-worker');
  });

  it("declares Dramatiq's queues with its exact arguments, so a stock worker's own declaration succeeds", async () => {
    const names = dramatiqNames(server.config.namespace);
    const connection = await connect('amqp://guest:guest@127.0.0.1:5672');
    try {
      const channel = await connection.createChannel();
      // The queues Dramatiq declared in the fixture's namespace, declared again in ours with the same
      // arguments: RabbitMQ closes the channel with PRECONDITION_FAILED if any argument differs.
      const ours = [names.queue, names.delayed, names.dead];
      for (const [i, { arguments: args }] of captured.rabbitmq.declared.entries()) {
        const deadLetterKey = args['x-dead-letter-routing-key'];
        const renamed = deadLetterKey === undefined ? args : { ...args, 'x-dead-letter-routing-key': names.dead };
        await channel.assertQueue(ours[i]!, { durable: true, arguments: renamed });
      }
      await channel.close();
    } finally {
      await connection.close();
    }
  });

  it('leaves each job in the queue as the message `actor.send()` would have written', async () => {
    const res = await postJson(`${server.url}/api/jobs`, { lane: 'dramatiq', kind: 'sleep', count: 3, params: { ms: 20 } });
    expect(res.body.accepted).toBe(3);
    const names = dramatiqNames(server.config.namespace);
    const connection = await connect('amqp://guest:guest@127.0.0.1:5672');
    try {
      const channel = await connection.createChannel();
      const message = await channel.get(names.queue, { noAck: true });
      expect(message && message.properties.deliveryMode).toBe(2);
      const body = message ? message.content.toString('utf8') : '';
      expect(body).toMatch(
        new RegExp(
          `^\\{"queue_name":"${names.queue.replaceAll('.', '\\.')}","actor_name":"sleep","args":\\[20\\],"kwargs":\\{\\},"options":\\{\\},` +
            '"message_id":"[0-9a-f-]{36}","message_timestamp":\\d{13}\\}$',
        ),
      );
    } finally {
      await connection.close();
    }
    expect(await getJson(`${server.url}/api/lanes/dramatiq/stats`)).toMatchObject({ waiting: 3 });
  });
});

// Debian packages no Dramatiq and this machine reaches no PyPI: with Dramatiq importable (pip, or a checkout of
// its source on PYTHONPATH), the server starts a real Dramatiq worker and the lane meets the contract.
const { python } = loadConfig(process.env);
const dramatiqInstalled = await pythonCanImport(python, 'dramatiq');
if (!dramatiqInstalled) {
  console.warn(`[dramatiq.test] ${python} cannot import dramatiq: the tests with a real Dramatiq worker are skipped.`);
}

describe.runIf(dramatiqInstalled)('with a real Dramatiq worker', () => {
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
