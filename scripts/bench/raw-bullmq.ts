import { performance } from 'node:perf_hooks';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { bullmqJobOptions } from '../../demo-server/src/lanes/bullmq.ts';
import { BATCH, type Contender } from './contender.ts';
import type { RawWorkerProcess } from './raw-worker-process.ts';

const QUEUE = 'jobs';
const noop = { kind: 'noop', params: {} } as const;

export interface RawBullmqOptions {
  redisUrl: string;
  /** Redis key prefix, the bench's own. */
  prefix: string;
  worker: RawWorkerProcess;
  /** The broker's process, when it runs on this machine, for the CPU accounting of each round. */
  brokerPid: number | undefined;
}

/**
 * BullMQ on its own: `Queue.addBulk` in the same slices and with the same job options
 * as the lane (attempts, backoff, removeOnComplete), consumed by a plain BullMQ Worker in
 * another process. No QueueEvents while measuring throughput; latency reads them, as a
 * BullMQ producer would.
 */
export function rawBullmqContender({ redisUrl, prefix, worker, brokerPid }: RawBullmqOptions): Contender & { close(): Promise<void> } {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE, { connection, prefix, defaultJobOptions: bullmqJobOptions });
  let sent = 0;
  let events: QueueEvents | null = null;
  let eventsConnection: Redis | null = null;
  const completions = new Map<string, (at: number) => void>();
  let nextId = 1;

  const followEvents = async (): Promise<void> => {
    if (events) return;
    eventsConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    events = new QueueEvents(QUEUE, { connection: eventsConnection, prefix });
    events.on('completed', ({ jobId }) => completions.get(jobId)?.(Date.now()));
    await events.waitUntilReady();
  };

  return {
    label: 'raw bullmq',
    processes: () => ({ worker: worker.pid, broker: brokerPid, bench: process.pid }),
    async burst(jobs) {
      sent += jobs;
      const finished = worker.waitForTotal(sent);
      const startedAt = performance.now();
      for (let added = 0; added < jobs; added += BATCH) {
        const slice = Math.min(BATCH, jobs - added);
        await queue.addBulk(Array.from({ length: slice }, () => ({ name: noop.kind, data: noop })));
      }
      return ((await finished) - startedAt) / 1000;
    },
    async oneJob() {
      await followEvents();
      const jobId = `latency-${nextId++}`;
      const completed = new Promise<number>((resolve) => completions.set(jobId, resolve));
      sent += 1;
      const enqueuedAt = Date.now();
      await queue.add(noop.kind, noop, { jobId });
      const at = await completed;
      completions.delete(jobId);
      return at - enqueuedAt;
    },
    async close() {
      await events?.close();
      await queue.close();
      eventsConnection?.disconnect();
      connection.disconnect();
    },
  };
}

/** The raw side's worker: a plain BullMQ Worker whose processor does nothing, as a noop job asks. */
export async function runRawBullmqWorker(options: {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  onCompleted: () => void;
}): Promise<{ close(): Promise<void> }> {
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const worker = new Worker(QUEUE, async () => null, {
    connection,
    prefix: options.prefix,
    concurrency: options.concurrency,
  });
  worker.on('completed', options.onCompleted);
  worker.on('error', (error) => console.error(`[raw bullmq worker] ${error.message}`));
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}
