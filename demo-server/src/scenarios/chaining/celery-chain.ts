import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import * as z from 'zod';
import { celeryChainMessage, celeryPipelineTasks } from '../../lanes/celery-chain-message.ts';
import { CeleryTaskClient, type CeleryTaskEvent } from '../../lanes/celery-task-events.ts';
import { celeryResultKey } from '../../lanes/celery-topology.ts';
import { commandConnection } from '../../lanes/redis-connection.ts';
import type { DemoContext } from '../demo-scenario.ts';
import { ChainRun } from './chain-run.ts';
import { laneUnavailable } from '../lane-availability.ts';
import type { ChainRunner } from './chain-runner.ts';
import { PIPELINE_INPUT } from './pipeline-steps.ts';
import { readBack } from './read-back.ts';

const storedSchema = z.object({ status: z.string(), result: z.unknown() });

/**
 * Celery's `chain`: one message whose embed carries the rest of the chain, consumed by the Celery
 * lane's worker (celery_pipeline.py is in its app's `include`). Steps followed by Celery's task
 * events; values read back from its Redis result backend (`celery-task-meta-<id>`).
 */
export class CeleryChain implements ChainRunner {
  readonly framework = 'celery' as const;
  private client: CeleryTaskClient | undefined;
  private redis: Redis | undefined;
  private current: ChainRun | undefined;

  constructor(private readonly context: DemoContext) {}

  unavailable() {
    return laneUnavailable(this.context.hub, 'celery', 'Celery');
  }

  async run(failMiddle: boolean): Promise<ChainRun> {
    const { config } = this.context;
    this.redis ??= commandConnection(config.redisUrl, 'demo-chaining-celery');
    if (!this.client) {
      this.client = new CeleryTaskClient(config.amqpUrl, config.namespace, 'demo-chaining-celery', (event) => this.follow(event));
      await this.client.start();
    }
    const ids = celeryPipelineTasks.map(() => randomUUID());
    const message = celeryChainMessage(
      [
        { task: 'celery_pipeline.fetch', id: ids[0]!, args: [PIPELINE_INPUT], kwargs: {} },
        { task: 'celery_pipeline.transform', id: ids[1]!, args: [], kwargs: { fail: failMiddle } },
        { task: 'celery_pipeline.store', id: ids[2]!, args: [], kwargs: {} },
      ],
      this.client.producer,
    );
    const run = new ChainRun(ids, Date.now());
    this.current = run;
    await this.client.send(message);
    return run;
  }

  private follow(event: CeleryTaskEvent): void {
    const run = this.current;
    const i = run?.indexOf(event.uuid) ?? -1;
    if (!run || i < 0) return;
    switch (event.type) {
      case 'task-received':
        return run.queued(i);
      case 'task-started':
        return run.started(i);
      case 'task-retried':
        return run.retrying(i, event.exception);
      case 'task-failed':
        return run.failed(i, event.exception ?? 'failed');
      case 'task-succeeded':
        run.succeeded(i);
        void this.readBack(run, i, event.uuid);
    }
  }

  private async readBack(run: ChainRun, i: number, taskId: string): Promise<void> {
    try {
      const value = await readBack(async () => {
        const stored = storedSchema.safeParse(JSON.parse((await this.redis!.get(celeryResultKey(taskId))) ?? 'null'));
        return stored.success && stored.data.status === 'SUCCESS' ? { result: stored.data.result } : undefined;
      });
      if (value) run.stored(i, value.result);
    } catch (error) {
      this.context.logger.warn({ err: error, taskId }, 'chaining: could not read a Celery result');
    }
  }

  async forget(): Promise<void> {
    this.current = undefined;
  }

  async close(): Promise<void> {
    this.current = undefined;
    await this.client?.close();
    this.redis?.disconnect();
  }
}
