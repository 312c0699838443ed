import * as z from 'zod';
import { DemoCommandRefused } from '../../errors.ts';
import { createLane } from '../../lanes/index.ts';
import { pythonCanImport } from '../../lanes/python-workers.ts';
import { RETRIES_SAMPLE, type RetriesLane, type RetriesState } from '../../protocol/demos/retries.ts';
import { demoCommand, type DemoContext, type DemoScenario } from '../demo-scenario.ts';
import { RetryRig } from './retry-rig.ts';
import { retriesNamespace, retrySpecs, type RetrySpec } from './retry-specs.ts';

/** How long a worker may take to report in, ms (Celery boots in seconds). */
const WORKER_UP_TIMEOUT_MS = 45_000;
/** A round that has not ended by then is shown as it is, ms: Celery's slowest job needs about 3 s of backoff. */
const ROUND_TIMEOUT_MS = 60_000;
const CHECK_EVERY_MS = 250;

interface Column {
  readonly spec: RetrySpec;
  rig: RetryRig | null;
  out: { status: 'absent' | 'down'; hint: string } | null;
}

/**
 * Flaky jobs at a chosen failure rate through every lane, each framework retrying with its own policy:
 * a timeline of every attempt, and per lane how many succeeded first time, after retries, or failed for good.
 */
export class RetriesScenario implements DemoScenario<'retries'> {
  readonly name = 'retries' as const;
  readonly commands;

  private readonly columns: Column[] = retrySpecs.map((spec) => ({ spec, rig: null, out: null }));
  private phase: RetriesState['phase'] = 'idle';
  private failRate: number | undefined;
  private problem: string | undefined;
  private generation = 0;
  private checkTimer: NodeJS.Timeout | null = null;
  private roundStartedAt = 0;

  constructor(private readonly context: DemoContext) {
    this.commands = {
      run: demoCommand(z.object({ failRate: z.number().min(0).max(1) }).strict(), async ({ failRate }) => this.run(failRate)),
    };
  }

  state(): RetriesState {
    return {
      phase: this.phase,
      ...(this.failRate !== undefined && { failRate: this.failRate }),
      lanes: this.columns.map((column) => this.laneState(column)),
      ...(this.problem !== undefined && { problem: this.problem }),
    };
  }

  private laneState({ spec, rig, out }: Column): RetriesLane {
    const round = rig?.currentRound();
    const base = {
      lane: spec.id,
      label: spec.label,
      policy: spec.policy,
      maxAttempts: spec.maxAttempts,
      backoffMs: [...spec.backoffMs],
      ...(round?.totals() ?? { sent: 0, firstTry: 0, afterRetries: 0, deadLettered: 0 }),
      jobs: round?.timeline() ?? [],
    };
    if (out) return { ...base, status: out.status, hint: out.hint };
    if (!rig || this.phase === 'idle') return { ...base, status: 'idle' };
    if (rig.lane.health().status === 'down') return { ...base, status: 'down' };
    if (!round) return { ...base, status: 'starting' };
    return { ...base, status: round.done() ? 'done' : 'running' };
  }

  async start(): Promise<void> {
    // Nothing is started before the first command: `npm start` stays light.
  }

  private async run(failRate: number): Promise<Record<string, unknown>> {
    if (this.phase === 'preparing' || this.phase === 'running') {
      throw new DemoCommandRefused('A round of flaky jobs is under way: wait for it to end, or reset.');
    }
    this.phase = 'preparing';
    this.failRate = failRate;
    this.problem = undefined;
    const generation = this.generation;
    void this.prepareAndSend(failRate, generation).catch((error: unknown) => {
      if (generation !== this.generation) return;
      this.context.logger.warn({ err: error }, 'retries round could not start');
      this.problem = (error as Error).message.slice(0, 500);
      this.phase = 'idle';
    });
    return { phase: this.phase, failRate, perLane: RETRIES_SAMPLE };
  }

  private async prepareAndSend(failRate: number, generation: number): Promise<void> {
    await Promise.all(this.columns.map((column) => this.bringUp(column, generation)));
    if (generation !== this.generation) return;
    const ready = this.columns.filter((column): column is Column & { rig: RetryRig } => column.rig !== null && column.out === null);
    if (ready.length === 0) throw new Error('No lane could run the demo: see each column.');
    await Promise.all(ready.map((column) => column.rig.newRound()));
    if (generation !== this.generation) return;
    this.roundStartedAt = Date.now();
    const job = { kind: 'flaky', params: { failRate } } as const;
    await Promise.all(ready.map((column) => column.rig.lane.enqueue(job, RETRIES_SAMPLE)));
    if (generation !== this.generation) return;
    this.phase = 'running';
    this.checkTimer = setInterval(() => this.check(), CHECK_EVERY_MS);
  }

  private async bringUp(column: Column, generation: number): Promise<void> {
    const { spec } = column;
    const { config, logger } = this.context;
    if (!column.rig) {
      if (spec.pythonModule && !(await pythonCanImport(config.python, spec.pythonModule))) {
        column.out = { status: 'absent', hint: spec.missingHint };
        return;
      }
      const own = { ...config, namespace: retriesNamespace(config.namespace), workerConcurrency: 0 };
      const log = logger.child({ demo: this.name, lane: spec.id });
      let rig: RetryRig | null = null;
      const lane = createLane(spec.lane, own, (event) => rig?.receive(event), log);
      rig = new RetryRig(lane, log);
      column.rig = rig;
      await lane.start();
    }
    if (generation !== this.generation) return;
    const rig = column.rig;
    const health = rig.lane.health();
    if (health.status === 'down') {
      column.out = { status: 'down', hint: health.hint ?? health.detail ?? 'down' };
      return;
    }
    column.out = null;
    rig.startWorker(spec.command(config));
    const deadline = Date.now() + WORKER_UP_TIMEOUT_MS;
    while (!rig.workerUp() && generation === this.generation) {
      if (Date.now() > deadline) {
        column.out = { status: 'absent', hint: `Its worker did not report in within ${WORKER_UP_TIMEOUT_MS / 1000} s` };
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private check(): void {
    const rounds = this.columns.flatMap((column) => (column.rig && !column.out ? [column.rig.currentRound()] : []));
    const over = Date.now() - this.roundStartedAt > ROUND_TIMEOUT_MS;
    if (!over && !rounds.every((round) => round?.done())) return;
    this.phase = 'done';
    this.stopChecking();
  }

  private stopChecking(): void {
    if (this.checkTimer) clearInterval(this.checkTimer);
    this.checkTimer = null;
  }

  async reset(): Promise<void> {
    await this.shutDown();
    this.phase = 'idle';
    this.failRate = undefined;
    this.problem = undefined;
  }

  async stop(): Promise<void> {
    await this.shutDown();
  }

  private async shutDown(): Promise<void> {
    this.generation++;
    this.stopChecking();
    const rigs = this.columns.flatMap((column) => (column.rig ? [column.rig] : []));
    for (const column of this.columns) {
      column.rig = null;
      column.out = null;
    }
    await Promise.allSettled(
      rigs.map(async (rig) => {
        await rig.lane.reset().catch(() => {});
        await rig.close();
      }),
    );
  }
}
