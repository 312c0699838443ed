import type { RetriesLane, RetriesState } from '../../../../demo-server/src/protocol/demos/retries.ts';
import { retriesFailRates } from '../../../../demo-server/src/protocol/demos/retries.ts';
import { CONNECTING, HOW_TO_GO_LIVE, MIRROR_NOTE, OFFLINE_BANNER, recordedCaption } from '../../captions.ts';
import type { Mode } from '../../mode.ts';
import type { Recording } from '../../recording.ts';
import type { StoreState } from '../../store.ts';

export const RETRIES_SOURCE = 'Each dot is an attempt, at the time its worker started it (from the brokers’ events); totals from the same events.';

export interface RetriesViewModel {
  readonly lanes: readonly RetriesLane[];
  /** The time axis, ms: the same for every lane, so their backoffs compare at a glance. */
  readonly spanMs: number;
  readonly headline: string;
  readonly done: boolean;
  /** The failure rate the last round ran at, to mark its button. */
  readonly failRate: number | undefined;
  readonly controls: { readonly shown: boolean; readonly run: boolean; readonly reset: boolean };
  readonly problem: string | undefined;
  readonly banner: string | undefined;
  readonly caption: string;
  readonly dim: boolean;
}

export interface RetriesInput {
  readonly mode: Mode;
  readonly recording: Recording | undefined;
  readonly store: StoreState | undefined;
}

const hidden = { shown: false, run: false, reset: false } as const;

export function retriesViewModel({ mode, recording, store }: RetriesInput): RetriesViewModel {
  const live = store?.everConnected ? store.demos.retries : undefined;
  if (mode === 'live' && store?.everConnected) {
    if (!live) return empty('This demo server does not run the retries demo: update it and restart.', undefined, '');
    const offline = store.connection !== 'open';
    const between = live.phase === 'idle' || live.phase === 'done';
    const controls = offline ? hidden : { shown: true, run: between, reset: true };
    return fromState(live, { controls, banner: offline ? OFFLINE_BANNER : undefined, caption: RETRIES_SOURCE, dim: offline });
  }
  if (mode === 'mirror' && live) return fromState(live, { controls: hidden, banner: undefined, caption: MIRROR_NOTE, dim: false });
  const tail = mode === 'static' ? HOW_TO_GO_LIVE : mode === 'mirror' ? MIRROR_NOTE : store?.connection === 'offline' ? HOW_TO_GO_LIVE : CONNECTING;
  const banner = mode === 'live' && store?.connection === 'offline' ? OFFLINE_BANNER : undefined;
  const caption = [recordedCaption(recording), tail].filter(Boolean).join(' ');
  const recorded = recording?.demos?.retries;
  if (!recorded) return empty('No recorded run of this demo yet: `npm run record -- --only retries`.', banner, caption);
  return fromState(recorded, { controls: hidden, banner, caption, dim: false });
}

function empty(headline: string, banner: string | undefined, caption: string): RetriesViewModel {
  return { lanes: [], spanMs: 1_000, headline, done: false, failRate: undefined, controls: hidden, problem: undefined, banner, caption, dim: false };
}

function fromState(state: RetriesState, rest: Pick<RetriesViewModel, 'controls' | 'banner' | 'caption' | 'dim'>): RetriesViewModel {
  return {
    lanes: state.lanes,
    spanMs: spanOf(state.lanes),
    headline: headlineOf(state),
    done: state.phase === 'done',
    failRate: state.failRate,
    problem: state.problem,
    ...rest,
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
