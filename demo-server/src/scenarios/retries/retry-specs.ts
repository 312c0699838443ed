import type { DemoConfig } from '../../config.ts';
import type { ServerLane } from '../../lanes/index.ts';
import { celeryWorkerCommand, dramatiqWorkerCommand, frameworkMissingHint } from '../../lanes/python-workers.ts';
import { nodeWorkerCommand, type WorkerCommand } from '../../lanes/worker-process.ts';
import type { RetriesLaneId } from '../../protocol/demos/retries.ts';

/** Flaky jobs are instant: a small pool handles a round. */
const RETRIES_CONCURRENCY = 4;

/** The demo's own queues: its dead letters are its own, countable on the broker. */
export const retriesNamespace = (namespace: string) => `${namespace}-retries`;

/**
 * A column of the retries demo: the lane, its worker, and the retry policy that worker's code declares
 * (celery_tasks.py `flaky`, dramatiq_actors.py `flaky`, the lanes' own options), with its least backoff.
 */
export interface RetrySpec {
  readonly id: RetriesLaneId;
  readonly lane: ServerLane;
  readonly label: string;
  readonly policy: string;
  readonly maxAttempts: number;
  readonly backoffMs: readonly number[];
  readonly pythonModule?: string;
  readonly missingHint: string;
  command(config: DemoConfig): WorkerCommand;
}

const workerEnv = (config: DemoConfig) => ({
  AMQP_URL: config.amqpUrl,
  REDIS_URL: config.redisUrl,
  DEMO_NAMESPACE: retriesNamespace(config.namespace),
});

export const retrySpecs: readonly RetrySpec[] = [
  {
    id: 'celery',
    lane: 'celery',
    label: 'Celery',
    // retry_backoff=True waits 2^retries s: 1 s, then 2 s (retry_jitter=False).
    policy: 'autoretry_for, max_retries=2, retry_backoff',
    maxAttempts: 3,
    backoffMs: [1_000, 2_000],
    pythonModule: 'celery_tasks',
    missingHint: frameworkMissingHint('celery'),
    command: (config) => celeryWorkerCommand(config.python, RETRIES_CONCURRENCY, workerEnv(config), { node: `retries-${process.pid}` }),
  },
  {
    id: 'rabbitmq',
    lane: 'rabbitmq',
    label: 'RabbitMQ',
    // The Node worker republishes to a TTL queue: 200 ms × 2^(attempt-1), then dead-letters.
    policy: 'TTL retry queue, 3 attempts, then dead-letter queue',
    maxAttempts: 3,
    backoffMs: [200, 400],
    missingHint: '',
    command: (config) => nodeWorkerCommand('rabbitmq', RETRIES_CONCURRENCY, workerEnv(config)),
  },
  {
    id: 'bullmq',
    lane: 'bullmq',
    label: 'BullMQ',
    policy: 'attempts: 3, backoff: exponential 200 ms',
    maxAttempts: 3,
    backoffMs: [200, 400],
    missingHint: '',
    command: (config) => nodeWorkerCommand('bullmq', RETRIES_CONCURRENCY, workerEnv(config)),
  },
  {
    id: 'dramatiq',
    lane: 'dramatiq',
    label: 'Dramatiq',
    // Dramatiq's backoff is min_backoff × 2^retries, times a jitter of 1 to 2.
    policy: 'max_retries=2, min_backoff=200',
    maxAttempts: 3,
    backoffMs: [200, 400],
    pythonModule: 'dramatiq_actors',
    missingHint: frameworkMissingHint('dramatiq'),
    command: (config) => dramatiqWorkerCommand(config.python, RETRIES_CONCURRENCY, workerEnv(config)),
  },
];
