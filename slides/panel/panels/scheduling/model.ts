import type { SchedulerName, SchedulerState, SchedulingState } from '../../../../demo-server/src/protocol/demos/scheduling.ts';

/** The time axis shows this much of the past, ms. */
export const AXIS_MS = 15_000;

export const schedulerLabels: Record<SchedulerName, { name: string; how: string }> = {
  celery: { name: 'Celery beat', how: 'celery_schedule.py' },
  bullmq: { name: 'BullMQ', how: 'upsertJobScheduler' },
  dramatiq: { name: 'Dramatiq', how: 'APScheduler' },
};

export interface SchedulerRow {
  readonly name: SchedulerName;
  readonly status: SchedulerState['status'];
  /** Tick positions on the axis, 0 (AXIS_MS ago) to 1 (now). */
  readonly marks: readonly number[];
  readonly stats: string;
  /** What the row's button does, or undefined when it has none. */
  readonly action: 'start' | 'pause' | undefined;
  readonly note: string;
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
    if (!scheduler) return { name, status: 'stopped', marks: [], stats: '', action: undefined, note: '' };
    const marks = scheduler.ticks.map((t) => 1 - (now - t) / AXIS_MS).filter((x) => x >= 0 && x <= 1.02);
    const note = [scheduler.note, scheduler.hint].filter(Boolean).join('. ');
    return { name, status: scheduler.status, marks, stats: statsText(scheduler), action: actionOf(scheduler.status), note };
  });
}

/** The moment a recording ends: its last tick, a little after. */
export function recordedNow(state: SchedulingState | undefined): number {
  const last = Math.max(0, ...(state?.schedulers.flatMap((s) => s.ticks) ?? []));
  return last + 500;
}
