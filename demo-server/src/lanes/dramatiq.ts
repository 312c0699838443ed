import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import * as z from 'zod';
import type { JobKind, JobSpec, LaneCapabilities, LaneHealth, WorkerInfo } from '../protocol/index.ts';
import { LaneUnavailable } from '../errors.ts';
import { publishBurst } from './amqp-burst.ts';
import { ReconnectingAmqp, type AmqpSession } from './amqp-connection.ts';
import { decodeEventBatch } from './amqp-events.ts';
import { amqpNames, declareMonitorQueue, heartbeatRoutingKey } from './amqp-topology.ts';
import {
  dramatiqActorName,
  dramatiqMessage,
  dramatiqNames,
  dramatiqPublishOptions,
  dramatiqQueueDeclarations,
  dramatiqResultKey,
  encodeDramatiqMessage,
  InvalidDramatiqMessage,
} from './dramatiq-message.ts';
import type { JobEvent, JobEventSink, Lane, SentJobSink, StoredResult } from './lane.ts';
import { dramatiqWorkerCommand, pythonCanImport } from './python-workers.ts';
import { redactUrl } from './redact-url.ts';
import { SentJobs } from './sent-jobs.ts';
import { commandConnection, ConnectionWatch, firstConnection } from './redis-connection.ts';
import { WorkerRegistry } from './worker-heartbeats.ts';
import { WorkerProcess } from './worker-process.ts';

export interface DramatiqLaneOptions {
  amqpUrl: string;
  /** Where the Results middleware keeps results. */
  redisUrl: string;
  namespace: string;
  /** Threads of the Dramatiq worker the server starts; 0 starts none. */
  workerConcurrency: number;
  /** The Python that has Dramatiq, for the worker the server starts. */
  python: string;
  emit: JobEventSink;
  logger: Logger;
}

const START_WORKER_HINT =
  "Start one: `docker compose up -d dramatiq-worker`, or `pip install 'dramatiq[rabbitmq,redis]'` and `PYTHON=python3 npm run worker:dramatiq`";

/** The exception the Results middleware stores for a message that failed for good (results/result.py). */
const storedExceptionSchema = z.object({
  __t: z.literal('dramatiq.results.Result'),
  exn: z.object({ type: z.string(), msg: z.string() }),
});

/**
 * Real Dramatiq: messages written here as `actor.send()` writes them, to the queues Dramatiq's
 * RabbitmqBroker declares, consumed by any stock Dramatiq worker running dramatiq_actors.py.
 * Dramatiq emits no events of its own: the LifecycleEvents middleware in demo_reporting.py
 * reports to the demo's events exchange, as the Node workers do. Results come from its Results middleware.
 */
export class DramatiqLane implements Lane {
  readonly name = 'dramatiq' as const;
  readonly capabilities: LaneCapabilities = {
    label: 'Dramatiq',
    broker: 'RabbitMQ',
    // Dramatiq acks after the actor returns: a crashed worker's messages are redelivered.
    acks: 'late',
    retries: true,
    delays: true,
    priorities: true,
    results: true,
    durable: true,
  };

  private readonly names;
  private readonly events;
  private readonly amqp: ReconnectingAmqp;
  private readonly redis: Redis;
  private readonly redisWatch: ConnectionWatch;
  private readonly registry = new WorkerRegistry();
  private readonly sent = new SentJobs();
  private worker: WorkerProcess | null = null;
  private closed = false;

  constructor(private readonly options: DramatiqLaneOptions) {
    this.names = dramatiqNames(options.namespace);
    this.events = amqpNames(options.namespace);
    this.amqp = new ReconnectingAmqp(options.amqpUrl, 'demo-dramatiq-lane', (session) => this.setup(session));
    this.redis = commandConnection(options.redisUrl, 'demo-dramatiq-results');
    this.redisWatch = new ConnectionWatch(this.redis);
  }

  private async setup({ channel }: AmqpSession): Promise<void> {
    // Declared here too, not only by the worker: until they exist, published messages are dropped.
    for (const { queue, options } of dramatiqQueueDeclarations(this.names)) await channel.assertQueue(queue, options);
    await channel.assertExchange(this.events.events, 'topic', { durable: true });
    const inbox = await declareMonitorQueue(channel, this.events, this.name);
    await channel.consume(
      inbox,
      (message) => {
        if (!message) return;
        if (message.fields.routingKey === heartbeatRoutingKey(this.name)) this.registry.receive(message.content.toString('utf8'));
        else for (const event of decodeEventBatch(message.content)) this.receive(event);
      },
      { noAck: true },
    );
  }

  private receive(event: JobEvent): void {
    const fromBeforeReset = this.sent.fromBeforeReset(event.jobId);
    if (event.type === 'completed' || event.type === 'failed') this.sent.ended(event.jobId);
    if (!fromBeforeReset) this.options.emit(event);
  }

  async start(): Promise<void> {
    await Promise.all([this.amqp.start(), firstConnection(this.redis)]);
    const { workerConcurrency, python, amqpUrl, redisUrl, namespace, logger } = this.options;
    const canRunWorker = workerConcurrency > 0 && (await pythonCanImport(python, 'dramatiq_actors'));
    // Closed while it was starting (a test, Ctrl+C): start nothing that would outlive it.
    if (this.closed) return;
    if (canRunWorker) {
      const env = { AMQP_URL: amqpUrl, REDIS_URL: redisUrl, DEMO_NAMESPACE: namespace };
      this.worker = new WorkerProcess(dramatiqWorkerCommand(python, workerConcurrency, env), logger);
      this.worker.start();
    } else if (workerConcurrency > 0) {
      logger.info(`${python} cannot import Dramatiq and dramatiq_actors: no Dramatiq worker started. ${START_WORKER_HINT}`);
    }
  }

  health(): LaneHealth {
    const { amqpUrl, redisUrl } = this.options;
    if (!this.amqp.ready()) {
      return {
        name: this.name,
        status: 'down',
        detail: `RabbitMQ at ${redactUrl(amqpUrl)} is not answering (${this.amqp.detail()})`,
        hint: 'Start RabbitMQ: `docker compose up -d rabbitmq` (or `rabbitmq-server -detached`), then wait a few seconds',
      };
    }
    if (!this.redisWatch.isUp()) {
      return {
        name: this.name,
        status: 'down',
        detail: `Dramatiq's result backend, Redis at ${redactUrl(redisUrl)}, is not answering (${this.redisWatch.detail()})`,
        hint: 'Start Redis: `docker compose up -d redis` (or `redis-server`), then wait a second',
      };
    }
    if (this.registry.list().length > 0) return { name: this.name, status: 'up' };
    if (this.worker?.running()) {
      return { name: this.name, status: 'up', detail: `A Dramatiq worker is starting (pid ${this.worker.pid()}); jobs wait in ${this.names.queue}` };
    }
    return {
      name: this.name,
      status: 'up',
      detail: `No Dramatiq worker is consuming ${this.names.queue}: jobs wait in the queue`,
      hint: START_WORKER_HINT,
    };
  }

  workers(): WorkerInfo[] {
    return this.registry.list();
  }

  async enqueue(job: JobSpec, count: number, sent?: SentJobSink): Promise<number> {
    const session = this.amqp.ready();
    const health = this.health();
    if (!session || health.status === 'down') throw new LaneUnavailable(this.name, health.detail ?? 'down', health.hint);
    const { channel } = session;
    const { accepted, cutShort } = await publishBurst(channel, {
      job,
      count,
      sent,
      nextId: randomUUID,
      publish: (messageId, confirmed) => {
        const now = Date.now();
        this.sent.sent(messageId, now);
        const body = encodeDramatiqMessage(dramatiqMessage(job, this.names.queue, messageId, now));
        return channel.publish('', this.names.queue, body, dramatiqPublishOptions, confirmed);
      },
      emit: this.options.emit,
    });
    if (cutShort instanceof InvalidDramatiqMessage) throw cutShort;
    if (cutShort && accepted === 0) throw new LaneUnavailable(this.name, cutShort.message, health.hint);
    if (cutShort) this.options.logger.warn({ err: cutShort, accepted, count }, 'dramatiq burst cut short');
    return accepted;
  }

  async result(jobId: string, kind: JobKind): Promise<StoredResult | undefined> {
    const stored = await this.redis.lindex(dramatiqResultKey(this.names.queue, dramatiqActorName(kind), jobId), 0);
    if (stored === null) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(stored);
    } catch {
      return undefined;
    }
    const exception = storedExceptionSchema.safeParse(value);
    if (exception.success) return { status: 'failed', error: `${exception.data.exn.type}: ${exception.data.exn.msg}` };
    return { status: 'succeeded', value };
  }

  async reset(): Promise<void> {
    const session = this.amqp.ready();
    if (!session) throw new LaneUnavailable(this.name, this.amqp.detail());
    const { queue, delayed, dead } = this.names;
    for (const name of [queue, delayed, dead, `${this.events.monitor}.${this.name}`]) await session.channel.purgeQueue(name);
    this.sent.reset();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.stop();
    await this.amqp.close();
    this.redis.disconnect();
  }
}
