import { readFileSync } from 'node:fs';
import { connect } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dramatiqNames } from '../../demo-server/src/lanes/dramatiq-message.ts';
import { purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer } from '../support/demo-server.ts';

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
