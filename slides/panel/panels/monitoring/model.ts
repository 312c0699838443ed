import type { LaneName, MonitoredTask, MonitoringState } from '../../../../demo-server/src/protocol/index.ts';
import { formatCompact, formatCount, formatLatency, formatRate, NO_VALUE } from '../../format.ts';
import type { FrameModel } from '../../frame/frame.ts';
import { allow, selectSource, type SourceInput } from '../../source.ts';

/** Workers listed at most: one per lane and a few added ones fit the slide. */
export const WORKERS_SHOWN = 6;

export interface LaneRow {
  readonly name: LaneName;
  readonly label: string;
  readonly down: boolean;
  readonly queue: string;
  readonly active: string;
  readonly rate: string;
  readonly done: string;
  readonly failed: string;
}

export interface WorkerRow {
  readonly id: string;
  readonly name: string;
  readonly host: string;
  readonly concurrency: string;
  readonly lastSeen: string;
}

export interface TaskRow {
  readonly id: string;
  readonly shortId: string;
  readonly lane: LaneName;
  readonly job: string;
  readonly state: MonitoredTask['state'];
  readonly runtime: string;
  readonly worker: string;
  readonly rerunOf: string | undefined;
}

export interface MonitoringViewModel extends FrameModel {
  readonly lanes: readonly LaneRow[];
  readonly workers: readonly WorkerRow[];
  readonly tasks: readonly TaskRow[];
  readonly history: string;
}

type LaneFigures = { stats: { waiting: number; active: number; completed: number; failed: number }; throughput: number; capabilities?: { label: string } };

/** Lanes and workers from the lanes' own state (or the recording's), tasks from the server's history. */
export function monitoringViewModel(input: SourceInput): MonitoringViewModel {
  const source = selectSource(input);
  const frame = { controls: source.controls, banner: source.banner, caption: source.note, dim: source.dim };
  if (source.from === 'server') {
    const store = source.state;
    const lanes = [...store.lanes.values()].map((lane) => laneRow(lane.name, lane, lane.health.status === 'down'));
    const workers = [...store.lanes.values()]
      .flatMap((lane) => lane.workers)
      .slice(0, WORKERS_SHOWN)
      .map((w) => ({
        id: w.id,
        name: workerName(w.id),
        host: w.host,
        concurrency: formatCount(w.concurrency),
        lastSeen: ago(store.serverTime - w.lastSeen),
      }));
    // Re-runs need the server's history: an older server without it still takes the sample jobs, not re-runs.
    const tasks = fromTasks(store.demos.monitoring, lanes, workers, doneTwice([...store.lanes.values()]));
    return { ...tasks, ...frame, controls: allow(source.controls, store.demos.monitoring !== undefined) };
  }
  const recorded = source.recording?.demos?.monitoring;
  const lanes = Object.entries(source.recording?.lanes ?? {}).map(([name, lane]) => laneRow(name as LaneName, lane, false));
  // A recording keeps no hosts or process ids: its workers are the names its tasks give.
  const workers = [...new Set((recorded?.tasks ?? []).flatMap((t) => (t.worker ? [t.worker] : [])))]
    .slice(0, WORKERS_SHOWN)
    .map((id) => ({ id, name: id, host: NO_VALUE, concurrency: NO_VALUE, lastSeen: NO_VALUE }));
  return { ...fromTasks(recorded, lanes, workers), ...frame };
}

function fromTasks(state: MonitoringState | undefined, lanes: LaneRow[], workers: WorkerRow[], twice = ''): Omit<MonitoringViewModel, keyof FrameModel> {
  const h = state?.history;
  const tasks = h
    ? `History: ${formatCount(h.kept)} of the last ${formatCount(h.limit)} tasks kept on the server · ${formatCount(h.completed)} completed · ${formatCount(h.failed)} failed`
    : 'History: none yet';
  const history = [tasks, twice].filter(Boolean).join(' · ');
  return { lanes, workers, tasks: (state?.tasks ?? []).map(taskRow), history };
}

/**
 * Jobs a lane reported done a second time (at least once: a broker that died with acks in flight
 * hands them back), counted once in `done`, and said here.
 */
function doneTwice(lanes: readonly (LaneFigures & { duplicates?: number })[]): string {
  const twice = lanes.flatMap((lane) => (lane.duplicates ? [`${lane.capabilities?.label ?? ''} ${formatCount(lane.duplicates)}`] : []));
  return twice.length > 0 ? `done twice, counted once: ${twice.join(', ')}` : '';
}

function laneRow(name: LaneName, lane: LaneFigures, down: boolean): LaneRow {
  const s = lane.stats;
  return {
    name,
    label: lane.capabilities?.label ?? name,
    down,
    queue: formatCount(s.waiting),
    active: formatCount(s.active),
    rate: formatRate(lane.throughput),
    done: formatCount(s.completed),
    failed: formatCount(s.failed),
  };
}

function taskRow(task: MonitoredTask): TaskRow {
  return {
    id: task.id,
    shortId: shortId(task.id),
    lane: task.lane,
    job: jobText(task),
    state: task.state,
    runtime: task.runtimeMs === undefined ? NO_VALUE : formatLatency(task.runtimeMs),
    worker: task.worker ? workerName(task.worker).replace(`${task.lane} `, '') : NO_VALUE,
    rerunOf: task.rerunOf,
  };
}

/** `sleep 300 ms`, `cpu 5M`, `flaky 30 %`: what the task does, in a few characters. */
export function jobText(task: Pick<MonitoredTask, 'kind' | 'params'>): string {
  if (task.kind === undefined) return '?';
  const p = task.params ?? {};
  if (task.kind === 'sleep' && p.ms !== undefined) return `sleep ${formatLatency(p.ms)}`;
  if (task.kind === 'cpu' && p.n !== undefined) return `cpu ${p.n >= 1_000_000 ? `${Number((p.n / 1_000_000).toFixed(1))}M` : formatCompact(p.n)}`;
  if (task.kind === 'flaky' && p.failRate !== undefined) return `flaky ${Math.round(p.failRate * 100)} %`;
  return task.kind;
}

/** The end of a long id (a UUID, `lane-17`): enough to tell rows apart. */
export function shortId(id: string): string {
  return id.length <= 8 ? id : `…${id.slice(-7)}`;
}

/** `bullmq@host:1234` -> `bullmq pid 1234`; a recording's anonymous names stay as they are. */
export function workerName(id: string): string {
  const match = /^([^@]+)@.*:(\d+)$/.exec(id);
  return match ? `${match[1]} pid ${match[2]}` : id;
}

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 1 ? 'now' : `${s} s ago`;
}
