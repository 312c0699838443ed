import { once } from 'node:events';
import type { Logger } from 'pino';
import type { JobSpec, LaneCapabilities, LaneHealth, WorkerInfo } from '../protocol/index.ts';
import { LaneUnavailable } from '../errors.ts';
import { decodeEventBatch } from './amqp-events.ts';
import { ReconnectingAmqp, type AmqpSession } from './amqp-connection.ts';
import { AmqpEventInbox } from './amqp-event-inbox.ts';
import { amqpNames, declareJobTopology, declareMonitorQueue, heartbeatRoutingKey, jobHeaders } from './amqp-topology.ts';
import type { JobEventSink, Lane, SentJobSink } from './lane.ts';
import { WorkerRegistry } from './worker-heartbeats.ts';
import { nodeWorkerCommand, WorkerProcess } from './worker-process.ts';

export interface RabbitmqLaneOptions {
  amqpUrl: string;
  namespace: string;
  workerConcurrency: number;
  emit: JobEventSink;
  logger: Logger;
}

/** Messages published between two waits for the broker's confirms. */
const CONFIRM_SLICE = 1_000;

/**
 * A durable AMQP queue on RabbitMQ: persistent messages, publisher confirms, manual acks
 * after the work, retries through a TTL queue and a dead-letter queue for jobs that fail for good.
 */
export class RabbitmqLane implements Lane {
  readonly name = 'rabbitmq' as const;
  readonly capabilities: LaneCapabilities = {
    label: 'RabbitMQ',
    broker: 'RabbitMQ (AMQP 0-9-1)',
    acks: 'late',
    retries: true,
    delays: true,
    priorities: true,
    results: false,
    durable: true,
  };

  private readonly names;
  private readonly amqp: ReconnectingAmqp;
  private readonly registry = new WorkerRegistry();
  private readonly worker: WorkerProcess | null;
  /** Job ids stay unique across server restarts without asking the broker. */
  private readonly idPrefix = Date.now().toString(36);
  private nextId = 1;
  private readonly inbox = new AmqpEventInbox((message) => {
    if (message.fields.routingKey === heartbeatRoutingKey(this.name)) {
      this.registry.receive(message.content.toString('utf8'));
    } else {
      for (const event of decodeEventBatch(message.content)) this.options.emit(event);
    }
  });

  constructor(private readonly options: RabbitmqLaneOptions) {
    this.names = amqpNames(options.namespace);
    this.amqp = new ReconnectingAmqp(options.amqpUrl, 'demo-rabbitmq-lane', (session) => this.setup(session));
    this.worker =
      options.workerConcurrency > 0
        ? new WorkerProcess(
            nodeWorkerCommand('rabbitmq', options.workerConcurrency, {
              AMQP_URL: options.amqpUrl,
              DEMO_NAMESPACE: options.namespace,
            }),
            options.logger,
          )
        : null;
  }

  private async setup({ channel }: AmqpSession): Promise<void> {
    await declareJobTopology(channel, this.names);
    await this.inbox.consume(channel, await declareMonitorQueue(channel, this.names, this.name));
  }

  async start(): Promise<void> {
    await this.amqp.start();
    this.worker?.start();
  }

  health(): LaneHealth {
    const down = this.amqp.down();
    return down ? { name: this.name, status: 'down', ...down } : { name: this.name, status: 'up' };
  }

  workers(): WorkerInfo[] {
    return this.registry.list();
  }

  async enqueue(job: JobSpec, count: number, sent?: SentJobSink): Promise<number> {
    const session = this.amqp.ready();
    const health = this.health();
    if (!session) throw new LaneUnavailable(this.name, health.detail ?? 'down', health.hint);
    const { channel } = session;
    const body = Buffer.from(JSON.stringify(job));
    let accepted = 0;
    let published = 0;
    try {
      while (published < count) {
        const slice = Math.min(CONFIRM_SLICE, count - published);
        const now = Date.now();
        for (let i = 0; i < slice; i++) {
          const jobId = `${this.idPrefix}-${this.nextId++}`;
          // Counted before it is sent: its worker may report it started before our confirm arrives.
          this.options.emit({ type: 'enqueued', jobId, kind: job.kind, params: job.params });
          sent?.(jobId);
          const onConfirm = (error: unknown) => {
            if (error) this.options.emit({ type: 'withdrawn', jobId });
            else accepted++;
          };
          const hasRoom = channel.sendToQueue(
            this.names.jobs,
            body,
            {
              persistent: true,
              contentType: 'application/json',
              messageId: jobId,
              timestamp: Math.floor(now / 1000),
              headers: { [jobHeaders.enqueuedAt]: now, [jobHeaders.attempt]: 1 },
            },
            onConfirm,
          );
          if (!hasRoom) await this.amqp.guard(drained(channel), 'publishing');
        }
        published += slice;
        await this.amqp.guard(channel.waitForConfirms(), 'waiting for confirms');
      }
    } catch (error) {
      if (accepted === 0) throw new LaneUnavailable(this.name, (error as Error).message, this.health().hint ?? health.hint);
      this.options.logger.warn({ err: error, accepted, count }, 'rabbitmq burst cut short');
    }
    return accepted;
  }

  async reset(): Promise<void> {
    const session = this.amqp.ready();
    if (!session) throw new LaneUnavailable(this.name, this.amqp.detail());
    const queues = [this.names.jobs, this.names.retry, this.names.dead, `${this.names.monitor}.${this.name}`];
    for (const queue of queues) await this.amqp.guard(session.channel.purgeQueue(queue), `purging ${queue}`);
  }

  async close(): Promise<void> {
    await this.worker?.stop();
    await this.amqp.close();
  }
}

/** Waits for the channel's write buffer to empty, or fails when the channel closes first. */
async function drained(channel: AmqpSession['channel']): Promise<void> {
  const closed = once(channel, 'close').then(() => {
    throw new Error('channel closed while publishing');
  });
  await Promise.race([once(channel, 'drain'), closed]);
}
