import { randomUUID } from 'node:crypto';
import { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { burnCpu } from '../../jobs/run-job.ts';
import { blockingConnection, commandConnection } from '../../lanes/redis-connection.ts';
import type { DemoContext } from '../demo-scenario.ts';
import { brokerUnavailable } from '../lane-availability.ts';
import { ResultStore, type FollowedResult } from './result-store.ts';

const QUEUE = 'results';
/** Seconds: `removeOnComplete: { age }`. */
export const BULLMQ_RESULT_AGE_S = 60;

/**
 * BullMQ keeps a job's return value in the job's own hash (`job.returnvalue`). `removeOnComplete: { age: 60 }`
 * sets no Redis expiry: the job is removed once it is older than that, when a later job of the queue completes.
 */
export class BullmqResults extends ResultStore {
  readonly framework = 'bullmq' as const;
  readonly expiry = `removeOnComplete: { age: ${BULLMQ_RESULT_AGE_S} }`;
  private parts: { queue: Queue; worker: Worker; connections: Redis[] } | undefined;

  constructor(private readonly context: DemoContext) {
    super();
  }

  unavailable() {
    return brokerUnavailable(this.context.hub, 'bullmq', 'BullMQ');
  }

  protected async send(input: number): Promise<FollowedResult> {
    const { redisUrl, namespace: prefix } = this.context.config;
    if (!this.parts) {
      const producer = commandConnection(redisUrl, 'demo-results-bullmq');
      const workerConnection = blockingConnection(redisUrl, 'demo-results-bullmq-worker');
      const worker = new Worker(QUEUE, async (job: Job<{ n: number }>) => burnCpu(job.data.n), { connection: workerConnection, prefix });
      worker.on('error', (error) => this.context.logger.warn({ err: error }, 'results: BullMQ worker'));
      this.parts = { queue: new Queue(QUEUE, { connection: producer, prefix }), worker, connections: [producer, workerConnection] };
    }
    const queue = this.parts.queue;
    const id = randomUUID();
    await queue.add('cpu', { n: input }, { jobId: id, removeOnComplete: { age: BULLMQ_RESULT_AGE_S } });
    return {
      id,
      input,
      key: queue.toKey(id),
      read: async () => {
        const job = await Job.fromId(queue, id);
        return job?.finishedOn ? (job.returnvalue as unknown) : undefined;
      },
    };
  }

  async close(): Promise<void> {
    const parts = this.parts;
    this.parts = undefined;
    if (!parts) return;
    await parts.worker.close(true);
    await parts.queue.close();
    for (const connection of parts.connections) connection.disconnect();
  }
}
