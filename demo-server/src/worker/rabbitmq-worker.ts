import type { ConsumeMessage } from 'amqplib';
import { jobSpecSchema } from '../protocol/index.ts';
import { FlakyJobError, runJob } from '../jobs/run-job.ts';
import { ReconnectingAmqp, type AmqpSession } from '../lanes/amqp-connection.ts';
import { amqpNames, declareJobTopology, eventRoutingKey, heartbeatRoutingKey, jobHeaders } from '../lanes/amqp-topology.ts';
import { AmqpEventReporter } from './amqp-event-reporter.ts';
import { startHeartbeats } from './heartbeat.ts';
import type { WorkerIdentity } from './identity.ts';

export interface RabbitmqWorkerOptions {
  amqpUrl: string;
  namespace: string;
  concurrency: number;
  identity: WorkerIdentity;
}

const MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 200;

/**
 * Consumes the RabbitMQ lane: at most `concurrency` unacked messages (the prefetch), each
 * acked only after its work, so a killed worker gives its jobs back to the queue.
 */
export function startRabbitmqWorker({ amqpUrl, namespace, concurrency, identity }: RabbitmqWorkerOptions) {
  const names = amqpNames(namespace);
  const handle = async ({ channel }: AmqpSession, reporter: AmqpEventReporter, message: ConsumeMessage) => {
    const jobId = String(message.properties.messageId ?? message.fields.deliveryTag);
    const headers = message.properties.headers ?? {};
    const attempt = Number(headers[jobHeaders.attempt] ?? 1);
    const enqueuedAt = Number(headers[jobHeaders.enqueuedAt]) || undefined;
    reporter.report({ type: 'started', jobId, at: Date.now() });
    try {
      const spec = jobSpecSchema.parse(JSON.parse(message.content.toString('utf8')));
      await runJob(spec, {
        crash: () => process.kill(process.pid, 'SIGKILL') as never,
        random: Math.random,
        firstDelivery: !message.fields.redelivered,
      });
      reporter.report({ type: 'completed', jobId, enqueuedAt }, () => channel.ack(message));
    } catch (error) {
      if (error instanceof FlakyJobError && attempt < MAX_ATTEMPTS) {
        // The retry is confirmed by the broker before the original is acked: the job is never in neither place.
        channel.sendToQueue(names.retry, message.content, {
          ...message.properties,
          persistent: true,
          expiration: String(BACKOFF_BASE_MS * 2 ** (attempt - 1)),
          headers: { ...headers, [jobHeaders.attempt]: attempt + 1 },
        });
        await channel.waitForConfirms();
        reporter.report({ type: 'retried', jobId }, () => channel.ack(message));
      } else {
        reporter.report({ type: 'failed', jobId, error: (error as Error).message?.slice(0, 500) }, () =>
          channel.nack(message, false, false),
        );
      }
    }
  };

  const reporters = new Set<AmqpEventReporter>();
  const amqp = new ReconnectingAmqp(amqpUrl, `demo-rabbitmq-worker-${identity.id}`, async (session) => {
    await declareJobTopology(session.channel, names);
    await session.channel.prefetch(concurrency);
    const reporter = new AmqpEventReporter(session.channel, names.events, eventRoutingKey('rabbitmq'), identity.id);
    reporters.add(reporter);
    session.channel.once('close', () => reporters.delete(reporter));
    await session.channel.consume(
      names.jobs,
      (message) => {
        if (!message) return;
        handle(session, reporter, message).catch((error) => console.error(`[worker ${identity.id}] ${error}`));
      },
      { noAck: false },
    );
  });
  void amqp.start();

  const heartbeats = startHeartbeats(identity, concurrency, async (payload) => {
    amqp.ready()?.channel.publish(names.events, heartbeatRoutingKey('rabbitmq'), Buffer.from(payload));
  });

  return {
    async close(): Promise<void> {
      await heartbeats.stop();
      for (const reporter of reporters) reporter.flush();
      await amqp.close();
    },
  };
}
