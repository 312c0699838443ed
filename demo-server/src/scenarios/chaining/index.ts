import { DemoCommandRefused } from '../../errors.ts';
import {
  chainingRunSchema,
  type ChainColumn,
  type ChainFramework,
  type ChainingState,
} from '../../protocol/demos/chaining.ts';
import { demoCommand, type DemoContext, type DemoScenario } from '../demo-scenario.ts';
import { BullmqFlow } from './bullmq-flow.ts';
import { CeleryChain } from './celery-chain.ts';
import type { ChainRun } from './chain-run.ts';
import type { ChainRunner } from './chain-runner.ts';
import { DramatiqPipeline } from './dramatiq-pipeline.ts';

/** A run still going after this long has lost a step (a worker died, say): a new one may start. */
const RUN_STALE_MS = 30_000;

/**
 * Chaining, live: fetch -> transform -> store on Celery (`chain`), Dramatiq (`pipeline`) and BullMQ
 * (`FlowProducer`) at once, drawn step by step from each framework's events; optionally with the
 * middle step failing, to show where each framework stops.
 */
export class ChainingScenario implements DemoScenario<'chaining'> {
  readonly name = 'chaining' as const;
  readonly commands;
  private readonly runners: ChainRunner[];
  private readonly runs = new Map<ChainFramework, ChainRun>();
  private failMiddle = false;
  private sentAt: number | null = null;

  constructor(context: DemoContext) {
    this.runners = [new CeleryChain(context), new DramatiqPipeline(context), new BullmqFlow(context)];
    this.commands = { run: demoCommand(chainingRunSchema, (body) => this.run(body.failMiddle)) };
  }

  private async run(failMiddle: boolean): Promise<Record<string, unknown>> {
    const running = [...this.runs.values()].some((run) => run.status() === 'running');
    if (running && this.sentAt !== null && Date.now() - this.sentAt < RUN_STALE_MS) {
      throw new DemoCommandRefused('A pipeline is still running: wait for it to finish (or reset).');
    }
    const ready = this.runners.filter((runner) => runner.unavailable() === null);
    if (ready.length === 0) {
      throw new DemoCommandRefused(`No framework can run the pipeline now: ${this.runners.map((r) => r.unavailable()?.note).join('; ')}`);
    }
    this.runs.clear();
    this.failMiddle = failMiddle;
    this.sentAt = Date.now();
    const sent = await Promise.allSettled(ready.map(async (runner) => this.runs.set(runner.framework, await runner.run(failMiddle))));
    const failures = sent.flatMap((result, i) => (result.status === 'rejected' ? [`${ready[i]!.framework}: ${(result.reason as Error).message}`] : []));
    return { sent: ready.map((runner) => runner.framework).filter((name) => this.runs.has(name)), failures };
  }

  state(): ChainingState {
    return { failMiddle: this.failMiddle, sentAt: this.sentAt, columns: this.runners.map((runner) => this.column(runner)) };
  }

  private column(runner: ChainRunner): ChainColumn {
    const run = this.runs.get(runner.framework);
    if (run) return { framework: runner.framework, status: run.status(), note: null, hint: null, steps: run.view() };
    const unavailable = runner.unavailable();
    return {
      framework: runner.framework,
      status: unavailable ? 'unavailable' : 'idle',
      note: unavailable?.note.slice(0, 300) ?? null,
      hint: unavailable?.hint?.slice(0, 300) ?? null,
      steps: [],
    };
  }

  async start(): Promise<void> {
    // Connections are made on the first run: `npm start` stays light.
  }

  async reset(): Promise<void> {
    this.runs.clear();
    this.sentAt = null;
    this.failMiddle = false;
    await Promise.allSettled(this.runners.map((runner) => runner.forget()));
  }

  async stop(): Promise<void> {
    this.runs.clear();
    await Promise.allSettled(this.runners.map((runner) => runner.close()));
  }
}
