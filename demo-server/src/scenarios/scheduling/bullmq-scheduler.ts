import { Queue, QueueEvents, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { blockingConnection, commandConnection } from '../../lanes/redis-connection.ts';
import type { DemoContext } from '../demo-scenario.ts';
import { brokerUnavailable } from '../lane-availability.ts';
import { TickScheduler } from './tick-scheduler.ts';

/** The schedule's own queue beside the lane's, so its ticks never count among the lane's figures. */
const QUEUE = 'scheduling';
const SCHEDULER_ID = 'tick-every-second';

interface Parts {
  queue: Queue;
  worker: Worker;
  events: QueueEvents;
  connections: Redis[];
}

/**
 * BullMQ's job scheduler: `upsertJobScheduler` with `every: 1000` adds a `tick` job each second;
 * pause is `removeJobScheduler`, resume the same upsert. Ticks are read from QueueEvents: the time of
 * each `active` event is its Redis stream id, so Redis's clock times them.
 */
export class BullmqScheduler extends TickScheduler {
  readonly name = 'bullmq' as const;
  private parts: Parts | undefined;

  constructor(private readonly context: DemoContext) {
    super();
  }

  unavailable() {
    return brokerUnavailable(this.context.hub, 'bullmq', 'BullMQ');
  }

  private async connect(): Promise<Parts> {
    const { redisUrl, namespace: prefix } = this.context.config;
    const producer = commandConnection(redisUrl, 'demo-scheduling-bullmq');
    const workerConnection = blockingConnection(redisUrl, 'demo-scheduling-bullmq-worker');
    const eventsConnection = blockingConnection(redisUrl, 'demo-scheduling-bullmq-events');
    const events = new QueueEvents(QUEUE, { connection: eventsConnection, prefix });
    events.on('active', (_job, id) => this.ticked(Number(id.split('-')[0])));
    events.on('error', (error) => this.context.logger.warn({ err: error }, 'scheduling: BullMQ events'));
    const worker = new Worker(QUEUE, async () => Date.now(), { connection: workerConnection, prefix });
    worker.on('error', (error) => this.context.logger.warn({ err: error }, 'scheduling: BullMQ worker'));
    await events.waitUntilReady();
    return { queue: new Queue(QUEUE, { connection: producer, prefix }), worker, events, connections: [producer, workerConnection, eventsConnection] };
  }

  protected async begin(): Promise<void> {
    this.parts ??= await this.connect();
    await this.parts.queue.upsertJobScheduler(
      SCHEDULER_ID,
      { every: this.everyMs },
      { name: 'tick', opts: { removeOnComplete: { count: 20 }, removeOnFail: { count: 20 } } },
    );
  }

  protected async end(): Promise<void> {
    await this.parts?.queue.removeJobScheduler(SCHEDULER_ID);
  }

  protected async release(): Promise<void> {
    const parts = this.parts;
    this.parts = undefined;
    if (!parts) return;
    await parts.worker.close(true);
    await Promise.allSettled([parts.events.close(), parts.queue.close()]);
    for (const connection of parts.connections) connection.disconnect();
  }
}
