import { MAX_COUNT, type JobKind, type LaneCapabilities, type LaneName, type LaneState } from '../../../../demo-server/src/protocol/index.ts';
import { CONNECTING, HOW_TO_GO_LIVE, MIRROR_NOTE, OFFLINE_BANNER, recordedCaption as recordedNote } from '../../captions.ts';
import type { Mode } from '../../mode.ts';
import type { RecordedLane, Recording } from '../../recording.ts';
import type { StoreState } from '../../store.ts';

type Figures = Pick<LaneState, 'stats' | 'throughput' | 'latency'>;

/** Everything the queue panel shows, decided from the page's mode and what it knows. */
export interface QueueViewModel {
  readonly title: string;
  readonly broker: string | undefined;
  readonly health: 'up' | 'down' | 'unknown';
  /** Undefined: no figures to show at all (dashes). */
  readonly figures: Figures | undefined;
  /** Workers the lane reports and their concurrency summed: how many jobs can run at once. */
  readonly workers: { readonly count: number; readonly slots: number } | undefined;
  /** The server-side producer feeding this lane; undefined when none runs. */
  readonly producer: { readonly rate: number; readonly kind: JobKind } | undefined;
  readonly controls: 'enabled' | 'disabled' | 'hidden';
  readonly caption: string;
  readonly banner: string | undefined;
  readonly overlay: { readonly title: string; readonly detail: string; readonly hint: string } | undefined;
  /** Figures that are not current (offline, lane down) are shown greyed. */
  readonly dim: boolean;
}

export interface QueueInput {
  readonly mode: Mode;
  readonly lane: LaneName;
  readonly recording: Recording | undefined;
  /** The store's state: the server's when live, the live window's when a mirror; undefined in an export. */
  readonly store: StoreState | undefined;
}

export function queueViewModel({ mode, lane, recording, store }: QueueInput): QueueViewModel {
  const recorded = recording?.lanes[lane];
  const recordedCaption = recordedNote(recording);
  const fromRecording = (caption: string, banner?: string): QueueViewModel => ({
    ...names(lane, recorded?.capabilities),
    health: 'unknown',
    figures: recorded && figuresOf(recorded),
    workers: undefined,
    producer: recorded?.producer && { rate: recorded.producer.rate, kind: recorded.producer.kind },
    controls: 'hidden',
    caption: [recordedCaption, caption].filter(Boolean).join(' '),
    banner,
    overlay: undefined,
    dim: false,
  });

  if (mode === 'static') return fromRecording(HOW_TO_GO_LIVE);
  if (mode === 'mirror' && !store?.everConnected) return fromRecording(MIRROR_NOTE);
  if (!store || !store.everConnected) {
    return store?.connection === 'offline' ? fromRecording(HOW_TO_GO_LIVE, OFFLINE_BANNER) : fromRecording(CONNECTING);
  }
  const vm = fromServer(lane, store);
  // A preview shows the presenter's demo as it runs, without the buttons that would run it twice.
  return mode === 'mirror' ? { ...vm, controls: 'hidden', caption: MIRROR_NOTE } : vm;
}

function fromServer(lane: LaneName, store: StoreState): QueueViewModel {
  const state = store.lanes.get(lane);
  const offline = store.connection !== 'open';
  const banner = offline ? OFFLINE_BANNER : undefined;
  if (!state) {
    return {
      ...names(lane, undefined),
      health: 'unknown',
      figures: undefined,
      workers: undefined,
      producer: undefined,
      controls: 'disabled',
      caption: '',
      banner,
      overlay: { title: `This demo server has no “${lane}” lane`, detail: 'Check the lane name in data-lane.', hint: '' },
      dim: true,
    };
  }
  const down = state.health.status === 'down';
  return {
    ...names(lane, state.capabilities),
    health: state.health.status,
    figures: figuresOf(state),
    workers: workersOf(state),
    producer: state.producer && { rate: state.producer.rate, kind: state.producer.kind },
    controls: offline || down ? 'disabled' : 'enabled',
    caption: '',
    banner,
    overlay: down
      ? { title: `${state.capabilities.label} is down`, detail: state.health.detail ?? '', hint: state.health.hint ?? '' }
      : undefined,
    dim: offline || down,
  };
}

function names(lane: LaneName, capabilities: Pick<LaneCapabilities, 'label' | 'broker'> | undefined) {
  const title = capabilities?.label ?? lane;
  const broker = capabilities && capabilities.broker !== capabilities.label ? capabilities.broker : undefined;
  return { title, broker };
}

function figuresOf(lane: RecordedLane | LaneState): Figures {
  return { stats: lane.stats, throughput: lane.throughput, latency: lane.latency };
}

function workersOf(lane: LaneState): QueueViewModel['workers'] {
  if (lane.workers.length === 0) return undefined;
  return { count: lane.workers.length, slots: lane.workers.reduce((sum, w) => sum + w.concurrency, 0) };
}

/**
 * How full the queue is drawn, 0..1, on a log scale: one job must show, and 100,000 (the largest
 * burst one request may ask for) fills it. Linear would hide the first thousand jobs entirely.
 */
export function depthFraction(waiting: number): number {
  if (waiting <= 0) return 0;
  return Math.min(1, Math.log10(1 + waiting) / Math.log10(1 + MAX_COUNT));
}
