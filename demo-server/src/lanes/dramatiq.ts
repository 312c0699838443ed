import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import * as z from 'zod';
import type { JobKind, JobSpec, LaneCapabilities, LaneHealth, WorkerInfo } from '../protocol/index.ts';
import { LaneUnavailable } from '../errors.ts';
import type { BrokerChoice } from '../config.ts';
import { decodeEventBatch } from './amqp-events.ts';
import { DramatiqAmqpBroker } from './dramatiq-amqp-broker.ts';
import type { DramatiqBroker } from './dramatiq-broker.ts';
import { dramatiqActorName, dramatiqMessage, dramatiqNames, dramatiqResultKey, InvalidDramatiqMessage } from './dramatiq-message.ts';
import { DramatiqRedisBroker } from './dramatiq-redis-broker.ts';
import type { JobEvent, JobEventSink, Lane, SentJobSink, StoredResult } from './lane.ts';
import { dramatiqWorkerCommand, frameworkMissingHint, pythonCanImport } from './python-workers.ts';
import { redactUrl } from './redact-url.ts';
import { SentJobs } from './sent-jobs.ts';
import { commandConnection, ConnectionWatch, firstConnection } from './redis-connection.ts';
import { WorkerRegistry } from './worker-heartbeats.ts';
import { WorkerProcess } from './worker-process.ts';

export interface DramatiqLaneOptions {
  /** Which broker carries the messages and the workers' reports; dramatiq_actors.py reads the same DEMO_DRAMATIQ_BROKER. */
  broker: BrokerChoice;
  amqpUrl: string;
  /** Where the Results middleware keeps results, and the broker when `broker` is redis. */
  redisUrl: string;
  namespace: string;
  /** Threads of the Dramatiq worker the server starts; 0 starts none. */
  workerConcurrency: number;
  /** The Python that has Dramatiq, for the worker the server starts. */
  python: string;
  emit: JobEventSink;
  logger: Logger;
}

const brokerEnv = (broker: BrokerChoice) => (broker === 'redis' ? 'DEMO_DRAMATIQ_BROKER=redis ' : '');

function startWorkerHint(broker: BrokerChoice): string {
  return `Start one: \`${brokerEnv(broker)}npm run worker:dramatiq\`, or \`${brokerEnv(broker)}docker compose up -d dramatiq-worker\``;
}

function installHint(broker: BrokerChoice): string {
  return `${frameworkMissingHint('dramatiq')}; or run one in a container: \`${brokerEnv(broker)}docker compose up -d dramatiq-worker\``;
}

/** The exception the Results middleware stores for a message that failed for good (results/result.py). */
const storedExceptionSchema = z.object({
  __t: z.literal('dramatiq.results.Result'),
  exn: z.object({ type: z.string(), msg: z.string() }),
});

/**
 * Real Dramatiq: messages written here as `actor.send()` writes them, to the queues Dramatiq's
 * RabbitmqBroker declares or in RedisBroker's layout, consumed by any stock Dramatiq worker running
 * dramatiq_actors.py. Dramatiq emits no events of its own: the LifecycleEvents middleware in
 * demo_reporting.py reports through the same broker (the demo's events exchange, or a Redis stream).
 * Results come from its Results middleware.
 */
export class DramatiqLane implements Lane {
  readonly name = 'dramatiq' as const;
  readonly capabilities: LaneCapabilities;
  private static readonly commonCapabilities = {
    label: 'Dramatiq',
    // Dramatiq acks after the actor returns: a crashed worker's messages are redelivered.
    acks: 'late',
    retries: true,
    delays: true,
    priorities: true,
    results: true,
    durable: true,
  } satisfies Omit<LaneCapabilities, 'broker'>;

  private readonly names;
  private readonly broker: DramatiqBroker;
  private readonly redis: Redis;
  private readonly redisWatch: ConnectionWatch;
  private readonly registry = new WorkerRegistry();
  private readonly sent = new SentJobs();
  private worker: WorkerProcess | null = null;
  /** PYTHON could not import dramatiq_actors, so the server runs no worker of its own. */
  private pythonLacksDramatiq = false;
  private closed = false;

  constructor(private readonly options: DramatiqLaneOptions) {
    this.names = dramatiqNames(options.namespace);
    const listener = {
      events: (body: Buffer) => {
        for (const event of decodeEventBatch(body)) this.receive(event);
      },
      heartbeat: (body: string) => this.registry.receive(body),
    };
    this.broker =
      options.broker === 'redis'
        ? new DramatiqRedisBroker(options.redisUrl, options.namespace, this.names, listener)
        : new DramatiqAmqpBroker(options.amqpUrl, options.namespace, this.names, listener);
    this.capabilities = { ...DramatiqLane.commonCapabilities, broker: this.broker.label };
    this.redis = commandConnection(options.redisUrl, 'demo-dramatiq-results');
    this.redisWatch = new ConnectionWatch(this.redis);
  }

  private receive(event: JobEvent): void {
    const fromBeforeReset = this.sent.fromBeforeReset(event.jobId);
    if (event.type === 'completed' || event.type === 'failed') this.sent.ended(event.jobId);
    if (!fromBeforeReset) this.options.emit(event);
  }

  async start(): Promise<void> {
    await Promise.all([this.broker.start(), firstConnection(this.redis)]);
    const { broker, workerConcurrency, python, amqpUrl, redisUrl, namespace, logger } = this.options;
    const canRunWorker = workerConcurrency > 0 && (await pythonCanImport(python, 'dramatiq_actors'));
    // Closed while it was starting (a test, Ctrl+C): start nothing that would outlive it.
    if (this.closed) return;
    if (canRunWorker) {
      const env = { DEMO_DRAMATIQ_BROKER: broker, AMQP_URL: amqpUrl, REDIS_URL: redisUrl, DEMO_NAMESPACE: namespace };
      this.worker = new WorkerProcess(dramatiqWorkerCommand(python, workerConcurrency, env), logger);
      this.worker.start();
    } else if (workerConcurrency > 0) {
      this.pythonLacksDramatiq = true;
      logger.warn(`${python} cannot import Dramatiq and dramatiq_actors: no Dramatiq worker started. ${installHint(broker)}`);
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
        detail: `Dramatiq's result backend, Redis at ${redactUrl(redisUrl)}, is not answering (${this.redisWatch.detail()})`,
        hint: 'Start Redis: `docker compose up -d redis` (or `redis-server`), then wait a second',
      };
    }
    if (this.registry.list().length > 0) return { name: this.name, status: 'up' };
    if (this.worker?.running()) {
      return { name: this.name, status: 'up', detail: `A Dramatiq worker is starting (pid ${this.worker.pid()}); jobs wait in ${this.names.queue}` };
    }
    if (this.pythonLacksDramatiq) {
      return {
        name: this.name,
        status: 'up',
        detail: `${this.options.python} cannot import Dramatiq, so no Dramatiq worker is consuming ${this.names.queue}: jobs wait in the queue`,
        hint: installHint(broker),
      };
    }
    return {
      name: this.name,
      status: 'up',
      detail: `No Dramatiq worker is consuming ${this.names.queue} on ${this.broker.label}: jobs wait in the queue`,
      hint: startWorkerHint(broker),
    };
  }

  workers(): WorkerInfo[] {
    return this.registry.list();
  }

  async enqueue(job: JobSpec, count: number, sent?: SentJobSink): Promise<number> {
    const health = this.health();
    if (health.status === 'down') throw new LaneUnavailable(this.name, health.detail ?? 'down', health.hint);
    const { accepted, cutShort } = await this.broker.publishMessages({
      job,
      count,
      sent,
      message: (messageId) => {
        const now = Date.now();
        this.sent.sent(messageId, now);
        return dramatiqMessage(job, this.names.queue, messageId, now);
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
    const down = this.broker.down();
    if (down) throw new LaneUnavailable(this.name, down.detail, down.hint);
    await this.broker.purge();
    this.sent.reset();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.stop();
    await this.broker.close();
    this.redis.disconnect();
  }
}
