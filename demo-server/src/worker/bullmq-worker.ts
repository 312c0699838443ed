import { Worker } from 'bullmq';
import { jobSpecSchema } from '../protocol/index.ts';
import { runJob } from '../jobs/run-job.ts';
import { bullmqNames } from '../lanes/bullmq-names.ts';
import type { Completion } from '../lanes/completion.ts';
import { blockingConnection, commandConnection } from '../lanes/redis-connection.ts';
import type { WorkerIdentity } from './identity.ts';
import { startHeartbeats } from './heartbeat.ts';

export interface BullmqWorkerOptions {
  redisUrl: string;
  namespace: string;
  concurrency: number;
  identity: WorkerIdentity;
}

/** A BullMQ worker for the demo's jobs; another one can run on any machine that reaches the same Redis. */
export function startBullmqWorker({ redisUrl, namespace, concurrency, identity }: BullmqWorkerOptions) {
  const names = bullmqNames(namespace);
  const worker = new Worker(
    names.queue,
    async (job): Promise<Completion> => {
      const spec = jobSpecSchema.parse(job.data);
      await runJob(spec, {
        crash: () => process.kill(process.pid, 'SIGKILL') as never,
        random: Math.random,
        firstDelivery: job.stalledCounter === 0,
      });
      return { enqueuedAt: job.timestamp, worker: identity.id };
    },
    {
      connection: blockingConnection(redisUrl, `demo-bullmq-worker-${identity.id}`),
      prefix: names.prefix,
      concurrency,
      // A crashed worker's jobs are handed on within seconds, not BullMQ's default 30 s.
      lockDuration: 5_000,
      stalledInterval: 2_000,
      // A job whose worker was killed twice still runs; a crash job only crashes its first worker.
      maxStalledCount: 5,
    },
  );
  worker.on('error', (error) => console.error(`[worker ${identity.id}] ${error.message}`));

  const publisher = commandConnection(redisUrl, `demo-bullmq-heartbeat-${identity.id}`);
  publisher.on('error', () => {});
  const heartbeats = startHeartbeats(identity, concurrency, (payload) =>
    publisher.publish(names.heartbeats, payload).then(() => undefined),
  );

  return {
    async close(): Promise<void> {
      await heartbeats.stop();
      await worker.close();
      publisher.disconnect();
    },
  };
}
