import type { DemoConfig } from '../../config.ts';
import type { ServerLane } from '../../lanes/index.ts';
import { celeryWorkerCommand, dramatiqWorkerCommand, frameworkMissingHint } from '../../lanes/python-workers.ts';
import { nodeWorkerCommand, type WorkerCommand } from '../../lanes/worker-process.ts';
import type { ReliabilityLaneId } from '../../protocol/demos/reliability.ts';

/** Pool size of each worker the demo starts: every slot gets a long job, and as many wait behind them. */
export const RELIABILITY_CONCURRENCY = 4;
export const RELIABILITY_JOBS_PER_LANE = 2 * RELIABILITY_CONCURRENCY;
/** Long enough to kill the workers mid-task by hand, short enough to watch the redelivered ones finish. */
export const RELIABILITY_JOB_MS = 4_000;

/** The demo's own queues, so killing its workers touches no other slide's. */
export const reliabilityNamespace = (namespace: string) => `${namespace}-reliability`;

export interface RigSpec {
  readonly id: ReliabilityLaneId;
  readonly lane: ServerLane;
  /** The Python module the worker needs, when it is a Python framework's. */
  readonly pythonModule?: string;
  /** Said in the column when this machine cannot run the worker. */
  readonly missingHint: string;
  label(celeryAcksLate: boolean): string;
  acks(celeryAcksLate: boolean): 'early' | 'late';
  note(celeryAcksLate: boolean): string;
  command(config: DemoConfig, celeryAcksLate: boolean): WorkerCommand;
}

const workerEnv = (config: DemoConfig) => ({
  AMQP_URL: config.amqpUrl,
  REDIS_URL: config.redisUrl,
  DEMO_NAMESPACE: reliabilityNamespace(config.namespace),
});

export const rigSpecs: readonly RigSpec[] = [
  {
    id: 'celery',
    lane: 'celery',
    pythonModule: 'celery_tasks',
    missingHint: frameworkMissingHint('celery'),
    label: (acksLate) => (acksLate ? 'Celery + acks_late' : 'Celery (default)'),
    acks: (acksLate) => (acksLate ? 'late' : 'early'),
    note: (acksLate) => (acksLate ? 'acks late: celery_acks_late' : 'acks early: celery_tasks'),
    command: (config, acksLate) =>
      celeryWorkerCommand(config.python, RELIABILITY_CONCURRENCY, workerEnv(config), {
        app: acksLate ? 'celery_acks_late' : 'celery_tasks',
        node: `reliability-${process.pid}`,
      }),
  },
  {
    id: 'rabbitmq',
    lane: 'rabbitmq',
    missingHint: '',
    label: () => 'RabbitMQ',
    acks: () => 'late',
    note: () => 'acks late, Dramatiq-style',
    command: (config) => nodeWorkerCommand('rabbitmq', RELIABILITY_CONCURRENCY, workerEnv(config)),
  },
  {
    id: 'bullmq',
    lane: 'bullmq',
    missingHint: '',
    label: () => 'BullMQ',
    acks: () => 'late',
    note: () => 'stalled-job recovery',
    command: (config) => nodeWorkerCommand('bullmq', RELIABILITY_CONCURRENCY, workerEnv(config)),
  },
  {
    id: 'dramatiq',
    lane: 'dramatiq',
    pythonModule: 'dramatiq_actors',
    missingHint: frameworkMissingHint('dramatiq'),
    label: () => 'Dramatiq',
    acks: () => 'late',
    note: () => 'acks late',
    command: (config) => dramatiqWorkerCommand(config.python, RELIABILITY_CONCURRENCY, workerEnv(config)),
  },
];
