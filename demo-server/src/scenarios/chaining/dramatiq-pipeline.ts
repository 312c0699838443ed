import { randomUUID } from 'node:crypto';
import { DramatiqClient } from '../../lanes/dramatiq-client.ts';
import { dramatiqPipelineActors, dramatiqPipelineMessage } from '../../lanes/dramatiq-pipeline-message.ts';
import type { JobEvent } from '../../lanes/lane.ts';
import type { DemoContext } from '../demo-scenario.ts';
import { ChainRun } from './chain-run.ts';
import { laneUnavailable } from '../lane-availability.ts';
import type { ChainRunner } from './chain-runner.ts';
import { PIPELINE_INPUT } from './pipeline-steps.ts';
import { readBack } from './read-back.ts';

/**
 * Dramatiq's `pipeline`: one message whose `pipe_target` option nests the rest, consumed by any Dramatiq
 * worker of dramatiq_actors.py (which imports dramatiq_pipeline.py). Steps followed by the
 * LifecycleEvents middleware's reports; values read back from the Results middleware's Redis backend.
 */
export class DramatiqPipeline implements ChainRunner {
  readonly framework = 'dramatiq' as const;
  private client: DramatiqClient | undefined;
  private current: ChainRun | undefined;

  constructor(private readonly context: DemoContext) {}

  unavailable() {
    return laneUnavailable(this.context.hub, 'dramatiq', 'Dramatiq');
  }

  async run(failMiddle: boolean): Promise<ChainRun> {
    const { config } = this.context;
    if (!this.client) {
      this.client = new DramatiqClient(config.amqpUrl, config.redisUrl, config.namespace, 'demo-chaining-dramatiq', (event) => this.follow(event));
      await this.client.start();
    }
    const now = Date.now();
    const steps = dramatiqPipelineActors.map((actor) => ({
      actor,
      messageId: randomUUID(),
      timestamp: now,
      args: actor === 'fetch' ? [PIPELINE_INPUT] : [],
      kwargs: actor === 'transform' ? { fail: failMiddle } : ({} as Record<string, boolean>),
    }));
    const run = new ChainRun(
      steps.map((step) => step.messageId),
      now,
    );
    this.current = run;
    await this.client.send(dramatiqPipelineMessage(this.client.names.queue, steps));
    return run;
  }

  private follow(event: JobEvent): void {
    const run = this.current;
    const i = run?.indexOf(event.jobId) ?? -1;
    if (!run || i < 0) return;
    switch (event.type) {
      case 'started':
        return run.started(i);
      case 'retried':
        return run.retrying(i);
      case 'failed':
        return run.failed(i, event.error ?? 'failed');
      case 'completed':
        run.succeeded(i);
        void this.readBack(run, i, event.jobId);
    }
  }

  private async readBack(run: ChainRun, i: number, messageId: string): Promise<void> {
    try {
      const value = await readBack(async () => {
        const stored = await this.client!.result(dramatiqPipelineActors[i]!, messageId);
        return stored === undefined ? undefined : { stored };
      });
      if (value) run.stored(i, value.stored);
    } catch (error) {
      this.context.logger.warn({ err: error, messageId }, 'chaining: could not read a Dramatiq result');
    }
  }

  async forget(): Promise<void> {
    this.current = undefined;
  }

  async close(): Promise<void> {
    this.current = undefined;
    await this.client?.close();
  }
}
