import { connect, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amqpNames, eventRoutingKey } from '../../demo-server/src/lanes/amqp-topology.ts';
import { purgeAmqpNamespace, requireRabbitmq } from '../support/brokers.ts';
import { postJson, startTestServer, waitFor } from '../support/demo-server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const amqpUrl = 'amqp://guest:guest@127.0.0.1:5672';

/**
 * The server's event inbox is read with acks, so after a broker restart it is handed the batches it
 * had not acked again: one it had already counted must not count twice.
 */
describe('the rabbitmq lane reading its event inbox', () => {
  let server: TestServer;
  let connection: ChannelModel;

  beforeAll(async () => {
    await requireRabbitmq();
    server = await startTestServer({ workerConcurrency: 0 }, ['rabbitmq']);
    connection = await connect(amqpUrl);
  });
  afterAll(async () => {
    await connection?.close();
    await server?.stop();
    if (server) await purgeAmqpNamespace(server.config.namespace);
  });

  it('counts a batch delivered twice under the same id once, and a job reported in two batches as a duplicate', async () => {
    const res = await postJson(`${server.url}/api/jobs`, { lane: 'rabbitmq', kind: 'noop', count: 3 });
    expect(res.body.accepted).toBe(3);
    const monitor = server.hub.monitor('rabbitmq')!;
    const [first, second, third] = monitor.recentJobs().map((job) => job.id);

    const channel = await connection.createConfirmChannel();
    const exchange = amqpNames(server.config.namespace).events;
    const publish = (messageId: string, jobId: string | undefined) =>
      channel.publish(
        exchange,
        eventRoutingKey('rabbitmq'),
        Buffer.from(JSON.stringify({ worker: 'by-hand', events: [{ type: 'started', jobId }, { type: 'completed', jobId }] })),
        { messageId, persistent: true },
      );
    // The broker handing the same batch out again, after a reconnect.
    publish('batch-a', first);
    publish('batch-a', first);
    // A job run twice: each run is reported in a batch of its own.
    publish('batch-b', second);
    publish('batch-c', second);
    publish('batch-d', third);
    await channel.waitForConfirms();

    // Batches are handled in order: once the last one counted, all of them did.
    await waitFor(() => (monitor.currentStats().completed === 3 ? true : undefined), { what: 'the last batch counted' });
    expect(monitor.duplicateCompletions()).toBe(1);
    expect(monitor.currentStats()).toMatchObject({ active: 0, completed: 3 });
  });
});
