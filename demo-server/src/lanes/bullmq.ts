import type { EventEmitter } from 'node:events';
import { Job, Queue, QueueEvents, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { jobKinds, jobSpecSchema, type JobKind, type JobSpec, type LaneCapabilities, type LaneHealth, type WorkerInfo } from '../protocol/index.ts';
import { LaneUnavailable } from '../errors.ts';
import { BULLMQ_EVENTS_MAX_LEN, bullmqNames } from './bullmq-names.ts';
import { completionSchema } from './completion.ts';
import type { JobEventSink, Lane, SentJobSink } from './lane.ts';
import { redactUrl } from './redact-url.ts';
import { blockingConnection, commandConnection, ConnectionWatch, firstConnection } from './redis-connection.ts';
import { WorkerRegistry } from './worker-heartbeats.ts';
import { nodeWorkerCommand, WorkerProcess } from './worker-process.ts';

export interface BullmqLaneOptions {
  redisUrl: string;
  namespace: string;
  /** Concurrency of the worker the server starts; 0 starts none. */
  workerConcurrency: number;
  emit: JobEventSink;
  logger: Logger;
}

/** A stream entry of ours that QueueEvents passes on like any event: everything before it has been read. */
const RESET_MARKER = 'demo-reset-marker';

/** Jobs go to Redis in slices this big, so a 100,000-job burst never blocks the event loop for long. */
const ADD_BULK_SLICE = 1_000;

export const bullmqJobOptions: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 200 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { count: 5_000 },
};

/** BullMQ on Redis: acks late through job locks, with stalled jobs handed to the next worker. */
export class BullmqLane implements Lane {
  readonly name = 'bullmq' as const;
  readonly capabilities: LaneCapabilities = {
    label: 'BullMQ',
    broker: 'Redis',
    acks: 'late',
    retries: true,
    delays: true,
    priorities: true,
    results: true,
    durable: true,
  };

  private readonly names;
  private readonly connection: Redis;
  private readonly watch: ConnectionWatch;
  private readonly subscriber: Redis;
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private readonly eventsConnection: Redis;
  private readonly registry = new WorkerRegistry();
  private readonly worker: WorkerProcess | null;

  constructor(private readonly options: BullmqLaneOptions) {
    this.names = bullmqNames(options.namespace);
    const { redisUrl, logger } = options;
    this.connection = commandConnection(redisUrl, 'demo-bullmq-producer');
    this.watch = new ConnectionWatch(this.connection);
    this.subscriber = blockingConnection(redisUrl, 'demo-bullmq-heartbeats');
    this.subscriber.on('error', () => {});
    this.queue = new Queue(this.names.queue, {
      connection: this.connection,
      prefix: this.names.prefix,
      streams: { events: { maxLen: BULLMQ_EVENTS_MAX_LEN } },
      defaultJobOptions: bullmqJobOptions,
    });
    this.queue.on('error', (error) => logger.debug({ err: error }, 'bullmq queue error'));
    this.eventsConnection = blockingConnection(redisUrl, 'demo-bullmq-events');
    this.eventsConnection.on('error', () => {});
    this.events = new QueueEvents(this.names.queue, {
      connection: this.eventsConnection,
      prefix: this.names.prefix,
    });
    this.events.on('error', (error) => logger.debug({ err: error }, 'bullmq events error'));
    this.worker =
      options.workerConcurrency > 0
        ? new WorkerProcess(
            nodeWorkerCommand('bullmq', options.workerConcurrency, { REDIS_URL: redisUrl, DEMO_NAMESPACE: options.namespace }),
            logger,
          )
        : null;
  }

  async start(): Promise<void> {
    const { emit } = this.options;
    this.events.on('added', ({ jobId, name }) => emit({ type: 'enqueued', jobId, ...(isJobKind(name) && { kind: name }) }));
    // The event's stream id is Redis's clock when the job became active.
    this.events.on('active', ({ jobId }, id) => emit({ type: 'started', jobId, ...streamTime(id) }));
    this.events.on('completed', ({ jobId, returnvalue }) => {
      const completion = completionSchema.safeParse(parseReturnValue(returnvalue));
      emit({ type: 'completed', jobId, ...(completion.success ? completion.data : {}) });
    });
    // An attempt with attempts left is not 'failed' in the stream: it comes back as 'delayed' or 'waiting'.
    this.events.on('failed', ({ jobId, failedReason }) => emit({ type: 'failed', jobId, error: failedReason }));
    this.events.on('delayed', ({ jobId }) => emit({ type: 'retried', jobId }));
    this.events.on('waiting', ({ jobId, prev }) => {
      if (prev === 'active') emit({ type: 'retried', jobId });
    });
    this.events.on('stalled', ({ jobId }) => emit({ type: 'retried', jobId }));
    this.subscriber.on('message', (_channel: string, payload: string) => this.registry.receive(payload));
    this.subscriber.subscribe(this.names.heartbeats).catch(() => {});
    this.worker?.start();
    await firstConnection(this.connection);
  }

  health(): LaneHealth {
    if (this.watch.isUp()) return { name: this.name, status: 'up' };
    return {
      name: this.name,
      status: 'down',
      detail: `Redis at ${redactUrl(this.options.redisUrl)} is not answering (${this.watch.detail()})`,
      hint: 'Start Redis: `docker compose up -d redis` (or `redis-server`), then wait a second',
    };
  }

  workers(): WorkerInfo[] {
    return this.registry.list();
  }

  async enqueue(job: JobSpec, count: number, sent?: SentJobSink): Promise<number> {
    const health = this.health();
    if (health.status === 'down') throw new LaneUnavailable(this.name, health.detail ?? 'down', health.hint);
    let accepted = 0;
    try {
      while (accepted < count) {
        const slice = Math.min(ADD_BULK_SLICE, count - accepted);
        const added = await this.queue.addBulk(Array.from({ length: slice }, () => ({ name: job.kind, data: job })));
        if (sent) for (const { id } of added) if (id !== undefined) sent(id);
        accepted += slice;
      }
    } catch (error) {
      if (accepted === 0) throw new LaneUnavailable(this.name, (error as Error).message, health.hint);
      this.options.logger.warn({ err: error, accepted, count }, 'bullmq burst cut short');
    }
    return accepted;
  }

  /** The job's data as BullMQ keeps it (finished jobs are kept a while: bullmqJobOptions). */
  async jobSpec(jobId: string): Promise<JobSpec | undefined> {
    if (!this.watch.isUp()) throw new LaneUnavailable(this.name, this.watch.detail());
    const job = await Job.fromId(this.queue, jobId);
    const spec = jobSpecSchema.safeParse(job?.data);
    return spec.success ? spec.data : undefined;
  }

  async reset(): Promise<void> {
    if (!this.watch.isUp()) throw new LaneUnavailable(this.name, this.watch.detail());
    await this.queue.drain(true);
    await Promise.all([this.queue.clean(0, 0, 'completed'), this.queue.clean(0, 0, 'failed')]);
    await this.eventsCaughtUp();
  }

  /**
   * Resolves once QueueEvents has read everything written to the events stream so far, so the
   * counters reset after the last event of the old run, not before a few stragglers.
   */
  private async eventsCaughtUp(): Promise<void> {
    const token = `${Date.now()}-${Math.random()}`;
    // QueueEvents' typed listeners know only BullMQ's own events; ours arrives the same way.
    const stream: EventEmitter = this.events;
    const reached = new Promise<void>((resolve) => {
      const onMarker = (args: { token?: string }) => {
        if (args.token !== token) return;
        stream.off(RESET_MARKER, onMarker);
        resolve();
      };
      stream.on(RESET_MARKER, onMarker);
    });
    await this.connection.xadd(this.queue.toKey('events'), '*', 'event', RESET_MARKER, 'token', token);
    await Promise.race([reached, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  }

  async close(): Promise<void> {
    await this.worker?.stop();
    // BullMQ's close waits for Redis to answer; with Redis away it would wait forever.
    const closing = Promise.allSettled([this.events.close(), this.queue.close()]);
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, this.watch.isUp() ? 5_000 : 0))]);
    for (const redis of [this.subscriber, this.connection, this.eventsConnection]) redis.disconnect();
  }
}

const isJobKind = (name: string): name is JobKind => (jobKinds as readonly string[]).includes(name);

function parseReturnValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** `1764072000000-0` -> `{ at: 1764072000000 }`: a Redis stream id starts with the ms it was written at. */
function streamTime(id: string): { at?: number } {
  const at = Number(id.split('-')[0]);
  return Number.isFinite(at) && at > 0 ? { at } : {};
}
