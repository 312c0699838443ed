import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import * as z from 'zod';
import type { JobSpec, LaneCapabilities, LaneHealth, WorkerInfo } from '../protocol/index.ts';
import { LaneUnavailable } from '../errors.ts';
import { publishBurst } from './amqp-burst.ts';
import { ReconnectingAmqp, type AmqpSession } from './amqp-connection.ts';
import { controlCommand, decodeStatsReply, type ControlReply } from './celery-control.ts';
import { decodeCeleryEvents, jobEventOf } from './celery-events.ts';
import { celeryAmqpHeaders, celeryTaskMessage, InvalidCeleryMessage, type CeleryProducer } from './celery-message.ts';
import { celeryNames, celeryResultKey, declareCeleryMonitorQueue, declareCeleryTopology } from './celery-topology.ts';
import { CeleryWorkers } from './celery-workers.ts';
import type { JobEventSink, Lane, SentJobSink, StoredResult } from './lane.ts';
import { celeryWorkerCommand, pythonCanImport } from './python-workers.ts';
import { redactUrl } from './redact-url.ts';
import { SentJobs } from './sent-jobs.ts';
import { commandConnection, ConnectionWatch, firstConnection } from './redis-connection.ts';
import { WorkerProcess } from './worker-process.ts';

export interface CeleryLaneOptions {
  amqpUrl: string;
  /** Celery's result backend. */
  redisUrl: string;
  namespace: string;
  /** Pool size of the Celery worker the server starts; 0 starts none. */
  workerConcurrency: number;
  /** The Python that has Celery, for the worker the server starts. */
  python: string;
  emit: JobEventSink;
  logger: Logger;
}

/** Flower's interval: workers started without -E get events switched on within this long, ms. */
const ENABLE_EVENTS_EVERY_MS = 5_000;

const START_WORKER_HINT =
  'Start one: `npm run worker:celery` (needs Celery: `apt install python3-celery` or `pip install celery redis`), or `docker compose up -d celery-worker`';

/** What Celery's Redis backend stores for a task: its state and, once finished, its return value or exception. */
const storedTaskSchema = z.object({
  status: z.string(),
  result: z.unknown(),
});
const storedExceptionSchema = z.object({ exc_type: z.string(), exc_message: z.unknown() });

/**
 * Real Celery: protocol v2 messages written here exactly as Celery's client writes them, consumed
 * by any Celery worker running demo-server/workers/celery_tasks.py. Jobs are counted from Celery's
 * own events, the way Flower follows a cluster; results are read back from its Redis backend.
 */
export class CeleryLane implements Lane {
  readonly name = 'celery' as const;
  readonly capabilities: LaneCapabilities = {
    label: 'Celery',
    broker: 'RabbitMQ (Celery protocol v2)',
    // Celery's default: the message is acked when the task starts, so a crashed task is lost.
    acks: 'early',
    retries: true,
    delays: true,
    priorities: true,
    results: true,
    durable: true,
  };

  private readonly names;
  private readonly amqp: ReconnectingAmqp;
  private readonly redis: Redis;
  private readonly redisWatch: ConnectionWatch;
  private readonly celeryWorkers: CeleryWorkers;
  private readonly sent = new SentJobs();
  /** Identifies this server as Celery's client identifies itself: `gen<pid>@<host>`, and its reply address. */
  private readonly producer: CeleryProducer = { origin: `gen${process.pid}@${hostname()}`, replyTo: randomUUID() };
  private readonly replies: ControlReply;
  private controlClock = 0;
  private worker: WorkerProcess | null = null;
  private closed = false;
  private enableEventsTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: CeleryLaneOptions) {
    this.names = celeryNames(options.namespace);
    this.replies = { exchange: this.names.replies, routingKey: this.producer.replyTo };
    this.amqp = new ReconnectingAmqp(options.amqpUrl, 'demo-celery-lane', (session) => this.setup(session));
    this.redis = commandConnection(options.redisUrl, 'demo-celery-results');
    this.redisWatch = new ConnectionWatch(this.redis);
    this.celeryWorkers = new CeleryWorkers((node) => {
      this.sendControl('enable_events', [node]);
      this.sendControl('stats', [node]);
    });
  }

  private async setup({ channel }: AmqpSession): Promise<void> {
    await declareCeleryTopology(channel, this.names);
    const inbox = await declareCeleryMonitorQueue(channel, this.names);
    await channel.consume(inbox, (message) => message && this.receiveEvents(message.content), { noAck: true });
    const { queue: replies } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(replies, this.replies.exchange, this.replies.routingKey);
    await channel.consume(
      replies,
      (message) => message && this.celeryWorkers.poolSizesReported(decodeStatsReply(message.content)),
      { noAck: true },
    );
    this.publishControl(channel, 'enable_events');
  }

  private receiveEvents(content: Buffer): void {
    for (const event of decodeCeleryEvents(content)) {
      this.celeryWorkers.seen(event);
      const job = event.uuid === undefined ? undefined : jobEventOf(event, this.sent.enqueuedAtOf(event.uuid));
      if (!job) continue;
      const fromBeforeReset = this.sent.fromBeforeReset(job.jobId);
      if (job.type === 'completed' || job.type === 'failed') this.sent.ended(job.jobId);
      if (!fromBeforeReset) this.options.emit(job);
    }
  }

  /** As Flower does: `enable_events` to every worker, `stats` to one when asked for its pool size. */
  private sendControl(method: 'enable_events' | 'stats', destination?: string[]): void {
    const session = this.amqp.ready();
    if (session) this.publishControl(session.channel, method, destination);
  }

  private publishControl(channel: AmqpSession['channel'], method: 'enable_events' | 'stats', destination?: string[]): void {
    const reply = method === 'stats' ? this.replies : undefined;
    const { body, options } = controlCommand(method, ++this.controlClock, { destination, reply });
    channel.publish(this.names.pidbox, '', body, options);
  }

  async start(): Promise<void> {
    await Promise.all([this.amqp.start(), firstConnection(this.redis)]);
    const { workerConcurrency, python, amqpUrl, redisUrl, namespace, logger } = this.options;
    const canRunWorker = workerConcurrency > 0 && (await pythonCanImport(python, 'celery_tasks'));
    // Closed while it was starting (a test, Ctrl+C): start nothing that would outlive it.
    if (this.closed) return;
    this.enableEventsTimer = setInterval(() => this.sendControl('enable_events'), ENABLE_EVENTS_EVERY_MS);
    if (canRunWorker) {
      const env = { AMQP_URL: amqpUrl, REDIS_URL: redisUrl, DEMO_NAMESPACE: namespace };
      this.worker = new WorkerProcess(celeryWorkerCommand(python, workerConcurrency, env), logger);
      this.worker.start();
    } else if (workerConcurrency > 0) {
      logger.warn(`${python} cannot import Celery and celery_tasks: no Celery worker started. ${START_WORKER_HINT}`);
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
        detail: `Celery's result backend, Redis at ${redactUrl(redisUrl)}, is not answering (${this.redisWatch.detail()})`,
        hint: 'Start Redis: `docker compose up -d redis` (or `redis-server`), then wait a second',
      };
    }
    if (this.celeryWorkers.list().length > 0) return { name: this.name, status: 'up' };
    if (this.worker?.running()) {
      return { name: this.name, status: 'up', detail: `A Celery worker is starting (pid ${this.worker.pid()}); jobs wait in ${this.names.queue}` };
    }
    return {
      name: this.name,
      status: 'up',
      detail: `No Celery worker is consuming ${this.names.queue}: jobs wait in the queue`,
      hint: START_WORKER_HINT,
    };
  }

  workers(): WorkerInfo[] {
    return this.celeryWorkers.list();
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
      publish: (taskId, confirmed) => {
        // Validated before it leaves: a worker that cannot read a message crashes on it at every redelivery.
        const { headers, properties, body } = celeryTaskMessage(job, taskId, this.producer);
        this.sent.sent(taskId, Date.now());
        return channel.publish('', this.names.queue, body, { ...properties, headers: celeryAmqpHeaders(headers) }, confirmed);
      },
      emit: this.options.emit,
    });
    if (cutShort instanceof InvalidCeleryMessage) throw cutShort;
    if (cutShort && accepted === 0) throw new LaneUnavailable(this.name, cutShort.message, health.hint);
    if (cutShort) this.options.logger.warn({ err: cutShort, accepted, count }, 'celery burst cut short');
    return accepted;
  }

  async result(jobId: string): Promise<StoredResult | undefined> {
    const stored = storedTaskSchema.safeParse(parseJson(await this.redis.get(celeryResultKey(jobId))));
    if (!stored.success) return undefined;
    if (stored.data.status === 'SUCCESS') return { status: 'succeeded', value: stored.data.result };
    if (stored.data.status !== 'FAILURE') return undefined;
    const exception = storedExceptionSchema.safeParse(stored.data.result);
    const error = exception.success ? `${exception.data.exc_type}: ${String(exception.data.exc_message)}` : 'failed';
    return { status: 'failed', error };
  }

  async reset(): Promise<void> {
    const session = this.amqp.ready();
    if (!session) throw new LaneUnavailable(this.name, this.amqp.detail());
    for (const queue of [this.names.queue, this.names.monitor]) await session.channel.purgeQueue(queue);
    this.sent.reset();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.enableEventsTimer) clearInterval(this.enableEventsTimer);
    await this.worker?.stop();
    await this.amqp.close();
    this.redis.disconnect();
  }
}

function parseJson(text: string | null): unknown {
  try {
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
