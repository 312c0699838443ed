import type { RetriesLane, RetriesState } from '../../../../demo-server/src/protocol/demos/retries.ts';
import { retriesFailRates } from '../../../../demo-server/src/protocol/demos/retries.ts';
import { sentences } from '../../captions.ts';
import type { FrameModel } from '../../frame/frame.ts';
import { selectDemo, type SourceInput } from '../../source.ts';

export const RETRIES_SOURCE = 'Each dot is an attempt, at the time its worker started it (from the brokers’ events); totals from the same events.';

export interface RetriesViewModel extends FrameModel {
  readonly lanes: readonly RetriesLane[];
  /** The time axis, ms: the same for every lane, so their backoffs compare at a glance. */
  readonly spanMs: number;
  readonly headline: string;
  readonly done: boolean;
  /** The failure rate the last round ran at, to mark its button. */
  readonly failRate: number | undefined;
  /** A round may start: none is running. */
  readonly canRun: boolean;
}

export function retriesViewModel(input: SourceInput): RetriesViewModel {
  const source = selectDemo('retries', input);
  const state = source.state;
  return {
    lanes: state?.lanes ?? [],
    spanMs: spanOf(state?.lanes ?? []),
    headline: state ? headlineOf(state) : '',
    done: state?.phase === 'done',
    failRate: state?.failRate,
    canRun: state?.phase === 'idle' || state?.phase === 'done',
    controls: source.controls,
    banner: source.banner,
    caption: sentences(RETRIES_SOURCE, source.note),
    dim: source.dim,
    failure: state?.problem,
  };
}

/** The last attempt of any lane, rounded up to a whole second: at least one. */
export function spanOf(lanes: readonly RetriesLane[]): number {
  const last = Math.max(0, ...lanes.flatMap((lane) => lane.jobs.flatMap((job) => job.attempts.map((a) => a.t))));
  return Math.max(1_000, Math.ceil((last + 1) / 1_000) * 1_000);
}

export const percent = (rate: number): string => `${Math.round(rate * 100)}%`;

export function headlineOf(state: RetriesState): string {
  const rate = state.failRate === undefined ? '' : percent(state.failRate);
  switch (state.phase) {
    case 'idle':
      return `Pick a failure rate: ${retriesFailRates.map(percent).join(', ')} of attempts fail; each framework retries with its own policy.`;
    case 'preparing':
      return 'Starting a worker per lane…';
    case 'running':
      return `${rate} of attempts fail: retrying…`;
    case 'done': {
      const counted = state.lanes.filter((lane) => lane.sent > 0);
      const ok = counted.map((lane) => `${lane.label} ${lane.firstTry + lane.afterRetries}`).join(', ');
      return `At ${rate} failure, succeeded of ${counted[0]?.sent ?? 0}: ${ok}. The rest failed for good.`;
    }
  }
}
