import { MAX_COUNT, type JobKind, type LaneCapabilities, type LaneName, type LaneState } from '../../../../demo-server/src/protocol/index.ts';
import type { FrameModel } from '../../frame/frame.ts';
import type { RecordedLane } from '../../recording.ts';
import { allow, selectSource, type SourceInput } from '../../source.ts';

type Figures = Pick<LaneState, 'stats' | 'throughput' | 'latency'>;

/** Everything the queue panel shows, decided from where its numbers come from. */
export interface QueueViewModel extends FrameModel {
  readonly title: string;
  readonly broker: string | undefined;
  readonly health: 'up' | 'down' | 'unknown';
  /** Undefined: no figures to show at all (dashes). */
  readonly figures: Figures | undefined;
  /** Workers the lane reports and their concurrency summed: how many jobs can run at once. */
  readonly workers: { readonly count: number; readonly slots: number } | undefined;
  /** The server-side producer feeding this lane; undefined when none runs. */
  readonly producer: { readonly rate: number; readonly kind: JobKind } | undefined;
  readonly overlay: { readonly title: string; readonly detail: string; readonly hint: string } | undefined;
  /** Figures that are not current (offline, lane down) are shown greyed. */
  readonly dim: boolean;
}

export interface QueueInput extends SourceInput {
  readonly lane: LaneName;
}

export function queueViewModel(input: QueueInput): QueueViewModel {
  const { lane } = input;
  const source = selectSource(input);
  const frame = { controls: source.controls, banner: source.banner, caption: source.note, dim: source.dim };
  if (source.from === 'recording') {
    const recorded = source.recording?.lanes[lane];
    return {
      ...names(lane, recorded?.capabilities),
      ...frame,
      health: 'unknown',
      figures: recorded && figuresOf(recorded),
      workers: undefined,
      producer: recorded?.producer && { rate: recorded.producer.rate, kind: recorded.producer.kind },
      overlay: undefined,
    };
  }
  const state = source.state.lanes.get(lane);
  if (!state) {
    return {
      ...names(lane, undefined),
      ...frame,
      controls: allow(source.controls, false),
      health: 'unknown',
      figures: undefined,
      workers: undefined,
      producer: undefined,
      overlay: { title: `This demo server has no “${lane}” lane`, detail: 'Check the lane name in data-lane.', hint: '' },
      dim: true,
    };
  }
  const down = state.health.status === 'down';
  return {
    ...names(lane, state.capabilities),
    ...frame,
    controls: allow(source.controls, !down),
    health: state.health.status,
    figures: figuresOf(state),
    workers: workersOf(state),
    producer: state.producer && { rate: state.producer.rate, kind: state.producer.kind },
    overlay: down ? { title: `${state.capabilities.label} is down`, detail: state.health.detail ?? '', hint: state.health.hint ?? '' } : undefined,
    dim: source.dim || down,
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
