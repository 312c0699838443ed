import type { SchedulerName, SchedulerState, SchedulingState } from '../../../../demo-server/src/protocol/demos/scheduling.ts';
import { schedulerNames } from '../../../../demo-server/src/protocol/demos/scheduling.ts';
import { sentences } from '../../captions.ts';
import type { FrameModel } from '../../frame/frame.ts';
import { selectDemo, type SourceInput } from '../../source.ts';

/** The time axis shows this much of the past, s. */
export const AXIS_S = 15;

/** Where the ticks come from, said under the panel. */
const SOURCES =
  'Schedule: every 1 s. A tick is when a worker started the job: Celery `task-started` events, BullMQ `active` events (Redis clock), Dramatiq’s LifecycleEvents.';

export const schedulerLabels: Record<SchedulerName, { name: string; how: string }> = {
  celery: { name: 'Celery beat', how: 'celery_schedule.py' },
  bullmq: { name: 'BullMQ', how: 'upsertJobScheduler' },
  dramatiq: { name: 'Dramatiq', how: 'APScheduler' },
};

export interface SchedulerRow {
  readonly name: SchedulerName;
  readonly status: SchedulerState['status'];
  /** Ticks on the axis, s before now (-AXIS_S..0). */
  readonly ticks: readonly number[];
  readonly stats: string;
  /** What the row's button does, or undefined when it has none. */
  readonly action: 'start' | 'pause' | undefined;
  readonly note: string;
}

export interface SchedulingViewModel extends FrameModel {
  readonly rows: readonly SchedulerRow[];
  /** Ticks are on the axis and the server's clock runs: the axis scrolls. */
  readonly scrolling: boolean;
}

/** `serverNow`: the server's clock now (it moves the axis while live); a recording ends at its last tick. */
export function schedulingViewModel(input: SourceInput, serverNow: number): SchedulingViewModel {
  const source = selectDemo('scheduling', input);
  const rows = schedulerRows(source.state, schedulerNames, source.live ? serverNow : recordedNow(source.state));
  return {
    rows,
    scrolling: source.live && rows.some((row) => row.status === 'running' || row.status === 'starting' || row.ticks.length > 0),
    controls: source.controls,
    banner: source.banner,
    caption: sentences(SOURCES, source.note),
    dim: source.dim,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function statsText(state: SchedulerState): string {
  if (state.count === 0) return state.unrun > 0 ? `${state.unrun} sent, none run` : 'no ticks yet';
  const jitter = state.intervalP50 === null ? '' : ` · every ${seconds(state.intervalP50)} (max ${seconds(state.intervalMax ?? state.intervalP50)})`;
  return `${state.count} ticks${jitter}`;
}

function actionOf(status: SchedulerState['status']): SchedulerRow['action'] {
  if (status === 'running' || status === 'starting') return 'pause';
  if (status === 'stopped' || status === 'paused') return 'start';
  return undefined;
}

/** `now`: the server's clock (live) or the end of the recording (epoch ms). */
export function schedulerRows(state: SchedulingState | undefined, names: readonly SchedulerName[], now: number): SchedulerRow[] {
  return names.map((name) => {
    const scheduler = state?.schedulers.find((s) => s.name === name);
    if (!scheduler) return { name, status: 'stopped', ticks: [], stats: '', action: undefined, note: '' };
    // A tick stamped a moment ahead of our estimate of the server's clock is drawn at "now".
    const ticks = scheduler.ticks.map((t) => (t - now) / 1000).filter((s) => s >= -AXIS_S && s <= 0.3).map((s) => Math.min(s, 0));
    const note = [scheduler.note, scheduler.hint].filter(Boolean).join('. ');
    return { name, status: scheduler.status, ticks, stats: statsText(scheduler), action: actionOf(scheduler.status), note };
  });
}

/** The moment a recording ends: its last tick, a little after. */
export function recordedNow(state: SchedulingState | undefined): number {
  const last = Math.max(0, ...(state?.schedulers.flatMap((s) => s.ticks) ?? []));
  return last + 500;
}
