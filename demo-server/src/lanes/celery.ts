import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import * as z from 'zod';
import type { JobSpec, LaneCapabilities, LaneHealth, WorkerInfo } from '../protocol/index.ts';
import { LaneUnavailable } from '../errors.ts';
import type { BrokerChoice } from '../config.ts';
import { CeleryAmqpBroker } from './celery-amqp-broker.ts';
import type { CeleryBroker } from './celery-broker.ts';
import { decodeStatsReply } from './celery-control.ts';
import { decodeCeleryEvents, jobEventOf } from './celery-events.ts';
import { celeryTaskMessage, InvalidCeleryMessage, type CeleryProducer } from './celery-message.ts';
import { CeleryRedisBroker } from './celery-redis-broker.ts';
import { InvalidKombuEnvelope } from './kombu-redis.ts';
import { celeryNames, celeryResultKey } from './celery-topology.ts';
import { CeleryWorkers } from './celery-workers.ts';
import type { JobEventSink, Lane, SentJobSink, StoredResult } from './lane.ts';
import { celeryWorkerCommand, pythonCanImport } from './python-workers.ts';
import { redactUrl } from './redact-url.ts';
import { SentJobs } from './sent-jobs.ts';
import { commandConnection, ConnectionWatch, firstConnection } from './redis-connection.ts';
import { WorkerProcess } from './worker-process.ts';

export interface CeleryLaneOptions {
  /** Which broker carries tasks, events and control commands; celery_tasks.py reads the same DEMO_CELERY_BROKER. */
  broker: BrokerChoice;
  amqpUrl: string;
  /** Celery's result backend, and its broker when `broker` is redis. */
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

function startWorkerHint(broker: BrokerChoice): string {
  const env = broker === 'redis' ? 'DEMO_CELERY_BROKER=redis ' : '';
  return `Start one: \`${env}npm run worker:celery\` (needs Celery: \`apt install python3-celery\` or \`pip install celery redis\`), or \`${env}docker compose up -d celery-worker\``;
}

/** What Celery's Redis backend stores for a task: its state and, once finished, its return value or exception. */
const storedTaskSchema = z.object({
  status: z.string(),
  result: z.unknown(),
});
const storedExceptionSchema = z.object({ exc_type: z.string(), exc_message: z.unknown() });

/**
 * Real Celery: protocol v2 messages written here exactly as Celery's client writes them, consumed
 * by any Celery worker running demo-server/workers/celery_tasks.py, on RabbitMQ or on Redis.
 * Jobs are counted from Celery's own events, the way Flower follows a cluster; results are read
 * back from its Redis backend.
 */
export class CeleryLane implements Lane {
  readonly name = 'celery' as const;
  readonly capabilities: LaneCapabilities;
  private static readonly commonCapabilities = {
    label: 'Celery',
    // Celery's default: the message is acked when the task starts, so a crashed task is lost.
    acks: 'early',
    retries: true,
    delays: true,
    priorities: true,
    results: true,
    durable: true,
  } satisfies Omit<LaneCapabilities, 'broker'>;

  private readonly names;
  private readonly broker: CeleryBroker;
  private readonly redis: Redis;
  private readonly redisWatch: ConnectionWatch;
  private readonly celeryWorkers: CeleryWorkers;
  private readonly sent = new SentJobs();
  /** Identifies this server as Celery's client identifies itself: `gen<pid>@<host>`, and its reply address. */
  private readonly producer: CeleryProducer = { origin: `gen${process.pid}@${hostname()}`, replyTo: randomUUID() };
  private worker: WorkerProcess | null = null;
  private closed = false;
  private enableEventsTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: CeleryLaneOptions) {
    this.names = celeryNames(options.namespace);
    const listener = {
      events: (body: Buffer) => this.receiveEvents(body),
      statsReply: (body: Buffer) => this.celeryWorkers.poolSizesReported(decodeStatsReply(body)),
    };
    this.broker =
      options.broker === 'redis'
        ? new CeleryRedisBroker(options.redisUrl, this.names, this.producer.replyTo, listener)
        : new CeleryAmqpBroker(options.amqpUrl, this.names, this.producer.replyTo, listener);
    this.capabilities = { ...CeleryLane.commonCapabilities, broker: `${this.broker.label} (Celery protocol v2)` };
    this.redis = commandConnection(options.redisUrl, 'demo-celery-results');
    this.redisWatch = new ConnectionWatch(this.redis);
    this.celeryWorkers = new CeleryWorkers((node) => {
      this.broker.control('enable_events', [node]);
      this.broker.control('stats', [node]);
    });
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

  async start(): Promise<void> {
    await Promise.all([this.broker.start(), firstConnection(this.redis)]);
    const { broker, workerConcurrency, python, amqpUrl, redisUrl, namespace, logger } = this.options;
    const canRunWorker = workerConcurrency > 0 && (await pythonCanImport(python, 'celery_tasks'));
    // Closed while it was starting (a test, Ctrl+C): start nothing that would outlive it.
    if (this.closed) return;
    this.enableEventsTimer = setInterval(() => this.broker.control('enable_events'), ENABLE_EVENTS_EVERY_MS);
    if (canRunWorker) {
      const env = { DEMO_CELERY_BROKER: broker, AMQP_URL: amqpUrl, REDIS_URL: redisUrl, DEMO_NAMESPACE: namespace };
      this.worker = new WorkerProcess(celeryWorkerCommand(python, workerConcurrency, env), logger);
      this.worker.start();
    } else if (workerConcurrency > 0) {
      logger.warn(`${python} cannot import Celery and celery_tasks: no Celery worker started. ${startWorkerHint(broker)}`);
    }
  }

  health(): LaneHealth {
    const { broker, redisUrl } = this.options;
    const down = this.broker.down();
    if (down) return { name: this.name, status: 'down', ...down };
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
      detail: `No Celery worker is consuming ${this.names.queue} on ${this.broker.label}: jobs wait in the queue`,
      hint: startWorkerHint(broker),
    };
  }

  workers(): WorkerInfo[] {
    return this.celeryWorkers.list();
  }

  async enqueue(job: JobSpec, count: number, sent?: SentJobSink): Promise<number> {
    const health = this.health();
    if (health.status === 'down') throw new LaneUnavailable(this.name, health.detail ?? 'down', health.hint);
    const { accepted, cutShort } = await this.broker.publishTasks({
      job,
      count,
      sent,
      // Validated before it leaves: a worker that cannot read a message crashes on it at every redelivery.
      message: (taskId) => {
        const message = celeryTaskMessage(job, taskId, this.producer);
        this.sent.sent(taskId, Date.now());
        return message;
      },
      emit: this.options.emit,
    });
    if (cutShort instanceof InvalidCeleryMessage || cutShort instanceof InvalidKombuEnvelope) throw cutShort;
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
    const down = this.broker.down();
    if (down) throw new LaneUnavailable(this.name, down.detail, down.hint);
    await this.broker.purge();
    this.sent.reset();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.enableEventsTimer) clearInterval(this.enableEventsTimer);
    await this.worker?.stop();
    await this.broker.close();
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
