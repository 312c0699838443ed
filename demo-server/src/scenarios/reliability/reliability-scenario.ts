import * as z from 'zod';
import { DemoCommandRefused } from '../../errors.ts';
import { createLane } from '../../lanes/index.ts';
import { pythonCanImport } from '../../lanes/python-workers.ts';
import type {
  ReliabilityLane,
  ReliabilityLaneStatus,
  ReliabilityPhase,
  ReliabilityState,
} from '../../protocol/demos/reliability.ts';
import { demoCommand, type DemoContext, type DemoScenario } from '../demo-scenario.ts';
import { LaneRig } from './lane-rig.ts';
import {
  reliabilityNamespace,
  rigSpecs,
  RELIABILITY_CONCURRENCY,
  RELIABILITY_JOB_MS,
  RELIABILITY_JOBS_PER_LANE,
  type RigSpec,
} from './rig-specs.ts';

/** How long a worker may take to report in before its column gives up on the round, ms (Celery boots in seconds). */
const WORKER_UP_TIMEOUT_MS = 45_000;
const JUDGE_EVERY_MS = 250;
/** Every slot busy, a moment more before the kill is offered: the workers' reports of what they prefetched arrive. */
const REPORTS_GRACE_MS = 1_000;
/** A lane whose worker has not taken its jobs by then is killed as it is, ms. */
const BUSY_TIMEOUT_MS = 20_000;

interface Column {
  readonly spec: RigSpec;
  rig: LaneRig | null;
  /** Why this column sits the round out, with what fixes it. */
  out: { status: 'absent' | 'down'; hint: string } | null;
}

const emptyBody = z.object({}).strict();

/**
 * "Kill the worker mid-task": long jobs on every lane, then SIGKILL to each lane's worker process
 * group, and a fresh worker (started by its supervisor) takes over. Celery's default acks each
 * task as it starts, so what ran in the killed worker is gone; acks-late lanes get it back.
 */
export class ReliabilityScenario implements DemoScenario<'reliability'> {
  readonly name = 'reliability' as const;
  readonly commands;

  private readonly columns: Column[] = rigSpecs.map((spec) => ({ spec, rig: null, out: null }));
  private phase: ReliabilityPhase = 'idle';
  private celeryAcksLate = false;
  private problem: string | undefined;
  /** Losses of the last round that reached a verdict, and of the one before the current round. */
  private lastVerdict: ReliabilityState['previous'];
  private previous: ReliabilityState['previous'];
  /** Bumped by reset: work begun before it stops at its next step. */
  private generation = 0;
  private judgeTimer: NodeJS.Timeout | null = null;

  constructor(private readonly context: DemoContext) {
    this.commands = {
      start: demoCommand(emptyBody, async () => this.startRound()),
      kill: demoCommand(emptyBody, async () => this.kill()),
      'acks-late': demoCommand(z.object({ on: z.boolean() }).strict(), async ({ on }) => this.setAcksLate(on)),
    };
  }

  state(): ReliabilityState {
    return {
      phase: this.phase,
      celeryAcksLate: this.celeryAcksLate,
      jobs: { perLane: RELIABILITY_JOBS_PER_LANE, ms: RELIABILITY_JOB_MS, concurrency: RELIABILITY_CONCURRENCY },
      lanes: this.columns.map((column) => this.laneState(column)),
      ...(this.previous && { previous: this.previous }),
      ...(this.problem !== undefined && { problem: this.problem }),
    };
  }

  private laneState({ spec, rig, out }: Column): ReliabilityLane {
    const acksLate = this.celeryAcksLate;
    const base = { lane: spec.id, label: spec.label(acksLate), acks: spec.acks(acksLate), note: spec.note(acksLate) };
    const figures = rig?.figures() ?? { sent: 0, started: 0, runningAtKill: 0, redelivered: 0, completed: 0 };
    if (out) return { ...base, ...figures, status: out.status, hint: out.hint };
    return { ...base, ...figures, status: this.statusOf(rig) };
  }

  private statusOf(rig: LaneRig | null): ReliabilityLaneStatus {
    const round = rig?.currentRound();
    if (!rig || this.phase === 'idle') return 'idle';
    if (rig.lane.health().status === 'down') return 'down';
    if (!round) return 'starting';
    if (round.settled()) return 'settled';
    return round.killed() ? 'recovering' : 'busy';
  }

  async start(): Promise<void> {
    // Nothing is started before the first command: `npm start` stays light.
  }

  private busy(): boolean {
    return this.phase === 'preparing' || this.phase === 'running' || this.phase === 'killed';
  }

  private async startRound(): Promise<Record<string, unknown>> {
    if (this.busy()) throw new DemoCommandRefused(`A round is under way (${this.phase}): wait for its verdict, or reset.`);
    this.phase = 'preparing';
    this.problem = undefined;
    this.previous = this.lastVerdict;
    const generation = this.generation;
    void this.prepareAndSend(generation).catch((error: unknown) => {
      if (generation !== this.generation) return;
      this.context.logger.warn({ err: error }, 'reliability round could not start');
      this.problem = (error as Error).message.slice(0, 500);
      this.phase = 'idle';
    });
    return { phase: this.phase };
  }

  /** Brings every column's lane and worker up (lazily, the first time), then sends the long jobs. */
  private async prepareAndSend(generation: number): Promise<void> {
    await Promise.all(this.columns.map((column) => this.bringUp(column, generation)));
    if (generation !== this.generation) return;
    const ready = this.columns.filter((column): column is Column & { rig: LaneRig } => column.rig !== null && column.out === null);
    if (ready.length === 0) throw new Error('No lane could run the demo: see each column.');
    await Promise.all(ready.map((column) => column.rig.newRound()));
    if (generation !== this.generation) return;
    const job = { kind: 'sleep', params: { ms: RELIABILITY_JOB_MS } } as const;
    await Promise.all(ready.map((column) => column.rig.lane.enqueue(job, RELIABILITY_JOBS_PER_LANE)));
    await this.everySlotBusy(ready.map((column) => column.rig), generation);
    if (generation === this.generation) this.phase = 'running';
  }

  /** Waits until every worker runs as many jobs as it has slots, so that a kill is mid-task everywhere. */
  private async everySlotBusy(rigs: readonly LaneRig[], generation: number): Promise<void> {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    const busy = () => rigs.every((rig) => (rig.currentRound()?.running() ?? 0) >= RELIABILITY_CONCURRENCY);
    while (!busy() && Date.now() < deadline && generation === this.generation) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, REPORTS_GRACE_MS));
  }

  private async bringUp(column: Column, generation: number): Promise<void> {
    const { spec } = column;
    const { config, logger } = this.context;
    if (!column.rig) {
      if (spec.pythonModule && !(await pythonCanImport(config.python, spec.pythonModule))) {
        column.out = { status: 'absent', hint: spec.missingHint };
        return;
      }
      const own = { ...config, namespace: reliabilityNamespace(config.namespace), workerConcurrency: 0 };
      const log = logger.child({ demo: this.name, lane: spec.id });
      let rig: LaneRig | null = null;
      const lane = createLane(spec.lane, own, (event) => rig?.receive(event), log);
      rig = new LaneRig(spec.id, lane, log);
      column.rig = rig;
      await lane.start();
    }
    // Reset while the lane connected: it was closed, and nothing may be started for it now.
    if (generation !== this.generation) return;
    const rig = column.rig;
    const health = rig.lane.health();
    if (health.status === 'down') {
      column.out = { status: 'down', hint: health.hint ?? health.detail ?? 'down' };
      return;
    }
    column.out = null;
    if (!rig.hasWorker()) await rig.runWorker(spec.command(config, this.celeryAcksLate));
    await this.workerUp(rig, column, generation);
  }

  private async workerUp(rig: LaneRig, column: Column, generation: number): Promise<void> {
    const deadline = Date.now() + WORKER_UP_TIMEOUT_MS;
    while (rig.workerUp() === undefined && generation === this.generation) {
      if (Date.now() > deadline) {
        column.out = { status: 'absent', hint: `Its worker did not report in within ${WORKER_UP_TIMEOUT_MS / 1000} s` };
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async kill(): Promise<Record<string, unknown>> {
    if (this.phase !== 'running') {
      throw new DemoCommandRefused(this.phase === 'killed' ? 'The workers were killed already: wait for the verdict.' : 'Start the long jobs first.');
    }
    const killed: Record<string, number | undefined> = {};
    for (const column of this.columns) {
      if (!column.rig || column.out) continue;
      column.rig.kill();
      killed[column.spec.id] = column.rig.figures().killedPid;
    }
    this.phase = 'killed';
    this.judgeTimer = setInterval(() => this.judge(), JUDGE_EVERY_MS);
    return { killed };
  }

  private judge(): void {
    const pending = this.columns.filter((column) => column.rig && !column.out && !column.rig.judge());
    if (pending.length > 0) return;
    this.phase = 'settled';
    this.stopJudging();
    this.lastVerdict = this.state().lanes.flatMap(({ label, sent, lost }) => (lost === undefined ? [] : [{ label, sent, lost }]));
  }

  private stopJudging(): void {
    if (this.judgeTimer) clearInterval(this.judgeTimer);
    this.judgeTimer = null;
  }

  /** The fix in one click: Celery's worker restarted with `celery_acks_late` (or back to the default). */
  private async setAcksLate(on: boolean): Promise<Record<string, unknown>> {
    if (this.busy()) throw new DemoCommandRefused(`A round is under way (${this.phase}): wait for its verdict, or reset.`);
    this.celeryAcksLate = on;
    const celery = this.columns.find((column) => column.spec.id === 'celery');
    if (!celery?.rig?.hasWorker()) return { celeryAcksLate: on };
    // No round starts while the worker is swapped: it would meet the old one still shutting down.
    const before = this.phase;
    this.phase = 'preparing';
    try {
      await celery.rig.runWorker(celery.spec.command(this.context.config, on));
    } finally {
      if (this.phase === 'preparing') this.phase = before;
    }
    return { celeryAcksLate: on };
  }

  async reset(): Promise<void> {
    await this.shutDown();
    this.phase = 'idle';
    this.problem = undefined;
    this.celeryAcksLate = false;
    this.lastVerdict = this.previous = undefined;
  }

  async stop(): Promise<void> {
    await this.shutDown();
  }

  /** Stops the workers and closes the lanes: the next round starts them again. */
  private async shutDown(): Promise<void> {
    this.generation++;
    this.stopJudging();
    const rigs = this.columns.flatMap((column) => (column.rig ? [column.rig] : []));
    for (const column of this.columns) {
      column.rig = null;
      column.out = null;
    }
    await Promise.allSettled(rigs.map(async (rig) => {
      await rig.lane.reset().catch(() => {});
      await rig.close();
    }));
  }
}
