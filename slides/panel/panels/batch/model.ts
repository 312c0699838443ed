import type { BatchLane, BatchRun, BatchState } from '../../../../demo-server/src/protocol/index.ts';
import { formatCount, formatRate, formatSeconds } from '../../format.ts';
import type { FrameModel } from '../../frame/frame.ts';
import { laneProblem } from '../../lane-problem.ts';
import { selectDemo, type SourceInput } from '../../source.ts';

export interface WorkerBar {
  /** `worker 1`, `worker 2`, in the order they finished their first job. */
  readonly name: string;
  readonly id: string;
  readonly done: number;
  /** Its share of the batch's completed jobs, 0..1. */
  readonly share: number;
}

export interface BatchViewModel extends FrameModel {
  readonly title: string;
  /** Completed share of the batch, 0..1. */
  readonly progress: number;
  readonly progressText: string;
  readonly workers: readonly WorkerBar[];
  /** Completions in each second since the start, and where the add and the join fall (seconds). */
  readonly perSecond: readonly number[];
  readonly addedAtS: number | undefined;
  readonly joinedAtS: number | undefined;
  readonly rates: string;
  readonly status: string;
  readonly lane: BatchLane | undefined;
  readonly running: boolean;
  readonly canAdd: boolean;
}

export interface BatchInput extends SourceInput {
  /** The lane the speaker picked for the next batch. */
  readonly lane?: BatchLane;
}

export function batchViewModel(input: BatchInput): BatchViewModel {
  const source = selectDemo('batch', input);
  const vm = fromState(source.state);
  // Why the chosen lane cannot run the next batch, with the command that fixes it.
  const problem = input.lane === undefined || vm.running || source.controls === 'hidden' ? undefined : laneProblem(input.store, input.lane);
  return { ...vm, controls: source.controls, banner: source.banner, caption: source.note, dim: source.dim, problem };
}

function fromState(state: BatchState | undefined): Omit<BatchViewModel, keyof FrameModel> {
  const run = state?.run ?? null;
  const label = state?.job.label ?? 'score an image';
  const size = run?.size ?? 200;
  const title = `${formatCount(size)} jobs: ${label}`;
  if (!run) {
    return {
      title,
      progress: 0,
      progressText: `0 / ${formatCount(size)} done`,
      workers: [],
      perSecond: [],
      addedAtS: undefined,
      joinedAtS: undefined,
      rates: '',
      status: 'Press “Start the batch”, then “Add a worker” while it runs.',
      lane: undefined,
      running: false,
      canAdd: false,
    };
  }
  const running = run.finishedAt === null;
  const ended = run.completed + run.failed;
  const elapsed = running ? undefined : run.finishedAt! - run.startedAt;
  const progressText = [
    `${formatCount(run.completed)} / ${formatCount(run.size)} done`,
    run.failed > 0 ? `${formatCount(run.failed)} failed` : undefined,
    run.duplicates > 0 ? `${formatCount(run.duplicates)} duplicates` : undefined,
    elapsed === undefined ? undefined : `in ${formatSeconds(elapsed)}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    title,
    progress: run.size > 0 ? Math.min(1, ended / run.size) : 1,
    progressText,
    workers: workerBars(run),
    perSecond: run.perSecond,
    addedAtS: run.addedAtMs === null ? undefined : run.addedAtMs / 1000,
    joinedAtS: run.joinedAtMs === null ? undefined : run.joinedAtMs / 1000,
    rates: ratesText(run),
    status: statusText(run),
    lane: run.lane,
    running,
    canAdd: running && run.addedAtMs === null,
  };
}

function workerBars(run: BatchRun): WorkerBar[] {
  const total = run.workers.reduce((sum, w) => sum + w.done, 0);
  return run.workers.map((w, i) => ({ name: `worker ${i + 1}`, id: w.id, done: w.done, share: total > 0 ? w.done / total : 0 }));
}

/** `1 worker: 8.1 jobs/s → 2 workers: 14 jobs/s (×1.7)`. */
export function ratesText(run: BatchRun): string {
  const before = run.rateBefore === null ? undefined : `before the add: ${formatRate(run.rateBefore)} jobs/s`;
  if (run.addedAtMs === null) return run.rateBefore === null ? '' : `${formatRate(run.rateBefore)} jobs/s`;
  if (run.joinedAtMs === null) return `${before ?? ''} → after: waiting for the new worker’s first job…`;
  if (run.rateAfter === null) return `${before ?? ''} → after: ${run.finishedAt === null ? 'measuring…' : 'joined too late to measure'}`;
  const factor = run.rateBefore ? ` (×${(run.rateAfter / run.rateBefore).toFixed(1)})` : '';
  return `${before ?? ''} → after: ${formatRate(run.rateAfter)} jobs/s${factor}`;
}

function statusText(run: BatchRun): string {
  const processes = `${run.workerProcesses} worker process${run.workerProcesses === 1 ? '' : 'es'}`;
  if (run.finishedAt !== null) return `Done on ${processes}.`;
  if (run.addedAtMs !== null && run.joinedAtMs === null) return `Running on ${processes}: the new one is starting…`;
  return `Running on ${processes}.`;
}
