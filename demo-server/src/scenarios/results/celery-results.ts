import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { celeryTaskMessage } from '../../lanes/celery-message.ts';
import { CeleryTaskClient } from '../../lanes/celery-task-events.ts';
import { celeryResultKey } from '../../lanes/celery-topology.ts';
import { celeryWorkerCommand, pythonCanImport, pythonWorkersDir } from '../../lanes/python-workers.ts';
import { WorkerProcess } from '../../lanes/worker-process.ts';
import type { DemoContext } from '../demo-scenario.ts';
import { DemoCommandRefused } from '../../errors.ts';
import { laneUnavailable, type Unavailable } from '../lane-availability.ts';
import { ResultStore, type FollowedResult } from './result-store.ts';

/** Seconds: short enough to watch a result expire on the slide. */
export const CELERY_RESULT_EXPIRES_S = 60;

const WORKER_HINT = 'The server starts it when `PYTHON` can import Celery: `apt install python3-celery`, or set `PYTHON`';

const storedSchema = z.object({ status: z.literal('SUCCESS'), result: z.unknown() });

/**
 * Celery's Redis result backend, `celery-task-meta-<id>`, expiring after `result_expires`. That setting is
 * the whole app's, so the demo's tasks go to a queue of their own, consumed by a second worker of the
 * same app started (on the first job) with `result_expires=60`: the lane's results keep Celery's default day.
 */
export class CeleryResults extends ResultStore {
  readonly framework = 'celery' as const;
  readonly expiry = `result_expires=${CELERY_RESULT_EXPIRES_S}`;
  private client: CeleryTaskClient | undefined;
  private worker: WorkerProcess | undefined;
  private readonly queue: string;
  private canRun: boolean | undefined;

  constructor(private readonly context: DemoContext) {
    super();
    this.queue = `${context.config.namespace}.celery.results`;
  }

  unavailable(): Unavailable | null {
    if (this.canRun === false) return { note: `${this.context.config.python} cannot import Celery: the demo's worker cannot run here`, hint: WORKER_HINT };
    return laneUnavailable(this.context.hub, 'celery', 'Celery');
  }

  protected async send(input: number): Promise<FollowedResult> {
    const { config, logger } = this.context;
    if (!this.client) {
      this.client = new CeleryTaskClient(config.amqpUrl, config.namespace, 'demo-results-celery', () => {});
      await this.client.start();
    }
    this.canRun ??= await pythonCanImport(config.python, 'celery_tasks');
    if (!this.canRun) throw new DemoCommandRefused(`${this.unavailable()?.note}. ${WORKER_HINT}`);
    if (!this.worker) {
      const env = { AMQP_URL: config.amqpUrl, REDIS_URL: config.redisUrl, DEMO_NAMESPACE: config.namespace };
      const command = celeryWorkerCommand(config.python, 1, env);
      const args = [...command.args, '--queues', this.queue, '--hostname', `demo-results-${process.pid}@%h`, '--', `result_expires=${CELERY_RESULT_EXPIRES_S}`];
      this.worker = new WorkerProcess({ ...command, args, cwd: pythonWorkersDir }, logger.child({ part: 'celery-results-worker' }));
      this.worker.start();
    }
    const id = randomUUID();
    await this.client.send(celeryTaskMessage({ kind: 'cpu', params: { n: input } }, id, this.client.producer), this.queue);
    return {
      id,
      input,
      key: celeryResultKey(id),
      read: async (redis) => {
        const text = await redis.get(celeryResultKey(id));
        const stored = storedSchema.safeParse(text === null ? null : JSON.parse(text));
        return stored.success ? stored.data.result : undefined;
      },
    };
  }

  protected override async release(): Promise<void> {
    await this.worker?.stop();
    this.worker = undefined;
  }

  async close(): Promise<void> {
    await this.release();
    await this.client?.close();
    this.client = undefined;
  }
}
