import type { ConsumeMessage } from 'amqplib';
import { jobSpecSchema } from '../protocol/index.ts';
import { FlakyJobError, runJob } from '../jobs/run-job.ts';
import type { AmqpEventBatch } from '../lanes/amqp-events.ts';
import { ReconnectingAmqp, type AmqpSession } from '../lanes/amqp-connection.ts';
import { amqpNames, declareJobTopology, eventRoutingKey, heartbeatRoutingKey, jobHeaders } from '../lanes/amqp-topology.ts';
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
  let pending: AmqpEventBatch['events'] = [];
  let settle: Array<() => void> = [];
  let flushScheduled = false;

  // Events of one turn of the event loop leave as one persistent message; the acks of the jobs
  // they report follow once the broker has confirmed it. A worker or broker that dies in between
  // makes a job run and be reported twice (the server counts the duplicate), never lost.
  const flush = () => {
    flushScheduled = false;
    const session = amqp.ready();
    const events = pending;
    const acks = settle;
    pending = [];
    settle = [];
    if (!session) return;
    const batch: AmqpEventBatch = { worker: identity.id, events };
    session.channel.publish(names.events, eventRoutingKey('rabbitmq'), Buffer.from(JSON.stringify(batch)), {
      contentType: 'application/json',
      persistent: true,
    });
    session.channel.waitForConfirms().then(
      () => {
        try {
          for (const ack of acks) ack();
        } catch {
          // The channel closed under us: the broker redelivers these messages by itself.
        }
      },
      // Unconfirmed: leave the jobs unacked, so the broker hands them out again.
      () => {},
    );
  };
  const report = (event: AmqpEventBatch['events'][number], then?: () => void) => {
    pending.push(event);
    if (then) settle.push(then);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  };

  const handle = async ({ channel }: AmqpSession, message: ConsumeMessage) => {
    const jobId = String(message.properties.messageId ?? message.fields.deliveryTag);
    const headers = message.properties.headers ?? {};
    const attempt = Number(headers[jobHeaders.attempt] ?? 1);
    const enqueuedAt = Number(headers[jobHeaders.enqueuedAt]) || undefined;
    report({ type: 'started', jobId });
    try {
      const spec = jobSpecSchema.parse(JSON.parse(message.content.toString('utf8')));
      await runJob(spec, {
        crash: () => process.kill(process.pid, 'SIGKILL') as never,
        random: Math.random,
        firstDelivery: !message.fields.redelivered,
      });
      report({ type: 'completed', jobId, enqueuedAt }, () => channel.ack(message));
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
        report({ type: 'retried', jobId }, () => channel.ack(message));
      } else {
        report({ type: 'failed', jobId, error: (error as Error).message?.slice(0, 500) }, () =>
          channel.nack(message, false, false),
        );
      }
    }
  };

  const amqp = new ReconnectingAmqp(amqpUrl, `demo-rabbitmq-worker-${identity.id}`, async (session) => {
    await declareJobTopology(session.channel, names);
    await session.channel.prefetch(concurrency);
    await session.channel.consume(
      names.jobs,
      (message) => {
        if (message) handle(session, message).catch((error) => console.error(`[worker ${identity.id}] ${error}`));
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
      flush();
      await amqp.close();
    },
  };
}
