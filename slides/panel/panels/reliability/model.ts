import type { ReliabilityLane, ReliabilityState } from '../../../../demo-server/src/protocol/demos/reliability.ts';
import { CONNECTING, HOW_TO_GO_LIVE, MIRROR_NOTE, OFFLINE_BANNER, recordedCaption } from '../../captions.ts';
import { formatCount } from '../../format.ts';
import type { Mode } from '../../mode.ts';
import type { Recording } from '../../recording.ts';
import type { StoreState } from '../../store.ts';

/** Where every number of the panel comes from, and what "lost" means: said under the table. */
export const RELIABILITY_SOURCE =
  'From the brokers’ events. Lost: sent, never completed once the fresh worker is up and the lane quiet for 3 s.';

export interface ReliabilityControls {
  readonly shown: boolean;
  readonly start: boolean;
  readonly kill: boolean;
  readonly acksLate: boolean;
  readonly reset: boolean;
}

export interface ReliabilityViewModel {
  readonly lanes: readonly ReliabilityLane[];
  readonly celeryAcksLate: boolean;
  readonly headline: string;
  /** The headline is the round's verdict. */
  readonly verdict: boolean;
  /** The round before's verdict, said under this one's. */
  readonly previous: string;
  readonly controls: ReliabilityControls;
  /** The start button's label, with the round's size. */
  readonly startLabel: string;
  readonly problem: string | undefined;
  readonly banner: string | undefined;
  readonly caption: string;
  readonly dim: boolean;
}

export interface ReliabilityInput {
  readonly mode: Mode;
  readonly recording: Recording | undefined;
  readonly store: StoreState | undefined;
}

const noControls: ReliabilityControls = { shown: false, start: false, kill: false, acksLate: false, reset: false };

export function reliabilityViewModel({ mode, recording, store }: ReliabilityInput): ReliabilityViewModel {
  const live = store?.everConnected ? store.demos.reliability : undefined;
  if (mode === 'live' && store?.everConnected) {
    if (!live) return empty('This demo server does not run the reliability demo: update it and restart.', undefined, noControls);
    const offline = store.connection !== 'open';
    return fromState(live, {
      controls: offline ? noControls : controlsFor(live),
      banner: offline ? OFFLINE_BANNER : undefined,
      caption: RELIABILITY_SOURCE,
      dim: offline,
    });
  }
  if (mode === 'mirror' && live) return fromState(live, { controls: noControls, banner: undefined, caption: MIRROR_NOTE, dim: false });
  const tail = mode === 'static' ? HOW_TO_GO_LIVE : mode === 'mirror' ? MIRROR_NOTE : store?.connection === 'offline' ? HOW_TO_GO_LIVE : CONNECTING;
  const banner = mode === 'live' && store?.connection === 'offline' ? OFFLINE_BANNER : undefined;
  const recorded = recording?.demos?.reliability;
  const caption = [recordedCaption(recording), tail].filter(Boolean).join(' ');
  if (!recorded) return empty('No recorded run of this demo yet: `npm run record -- --only reliability`.', banner, noControls, caption);
  return fromState(recorded, { controls: noControls, banner, caption, dim: false });
}

function empty(headline: string, banner: string | undefined, controls: ReliabilityControls, caption = ''): ReliabilityViewModel {
  return { lanes: [], celeryAcksLate: false, headline, verdict: false, previous: '', controls, startLabel: 'Start long jobs', problem: undefined, banner, caption, dim: false };
}

function controlsFor(state: ReliabilityState): ReliabilityControls {
  const between = state.phase === 'idle' || state.phase === 'settled';
  const running = state.lanes.filter((lane) => lane.status === 'busy');
  // Killed only once every slot of every worker holds a job: then "mid-task" is true in each lane.
  const everySlotBusy = running.length > 0 && running.every((lane) => lane.started >= Math.min(state.jobs.concurrency, lane.sent));
  return { shown: true, start: between, kill: state.phase === 'running' && everySlotBusy, acksLate: between, reset: true };
}

function fromState(
  state: ReliabilityState,
  rest: Pick<ReliabilityViewModel, 'controls' | 'banner' | 'caption' | 'dim'>,
): ReliabilityViewModel {
  const seconds = state.jobs.ms / 1000;
  return {
    lanes: state.lanes,
    celeryAcksLate: state.celeryAcksLate,
    headline: headlineOf(state),
    verdict: state.phase === 'settled',
    previous: state.previous && state.previous.length > 0 ? `Round before: ${verdict(state.previous)}` : '',
    startLabel: `Start ${state.jobs.perLane} × sleep ${seconds} s per lane`,
    problem: state.problem,
    ...rest,
  };
}

export function headlineOf(state: ReliabilityState): string {
  const counted = state.lanes.filter((lane) => lane.status !== 'absent' && lane.status !== 'down');
  switch (state.phase) {
    case 'idle':
      return `Each lane gets ${state.jobs.perLane} long jobs, ${state.jobs.concurrency} at a time; then its worker is killed mid-task.`;
    case 'preparing':
      return 'Starting the workers, sending the jobs…';
    case 'running':
      return `Every worker is busy with ${state.jobs.concurrency} jobs: kill them now.`;
    case 'killed':
      return 'Workers killed (SIGKILL to main process and pool): fresh ones are taking over…';
    case 'settled':
      return verdict(counted);
  }
}

function verdict(lanes: readonly Pick<ReliabilityLane, 'label' | 'sent' | 'lost'>[]): string {
  const losers = lanes.filter((lane) => (lane.lost ?? 0) > 0);
  const keepers = lanes.filter((lane) => lane.lost === 0).map((lane) => lane.label);
  const lost = losers.map((lane) => `${lane.label} lost ${formatCount(lane.lost ?? 0)} of ${formatCount(lane.sent)}`);
  const kept = keepers.length > 0 ? `${keepers.join(', ')}: none lost` : '';
  return [...lost, kept].filter(Boolean).join('; ') + '.';
}

/** What a column shows in a row: a figure, or a dash where the lane sat the round out. */
export function laneCell(lane: ReliabilityLane, row: 'sent' | 'runningAtKill' | 'redelivered' | 'lost' | 'completed'): string {
  if (lane.status === 'absent' || lane.status === 'down') return '–';
  if (row === 'lost') return lane.lost === undefined ? (lane.status === 'recovering' ? '…' : '–') : formatCount(lane.lost);
  return formatCount(lane[row]);
}

/** The worker line of a column: the killed pid and the fresh one, or what the lane is doing. */
export function workerLine(lane: ReliabilityLane): string {
  switch (lane.status) {
    case 'absent':
      return 'not running here';
    case 'down':
      return 'broker down';
    case 'idle':
      return 'no worker yet';
    case 'starting':
      return 'worker starting…';
    case 'busy':
      return `${formatCount(lane.started)} of ${formatCount(lane.sent)} started`;
    case 'recovering':
    case 'settled':
      // A recording keeps no process ids.
      if (lane.killedPid === undefined) return lane.status === 'settled' ? 'killed → fresh' : 'killed → …';
      return lane.freshPid === undefined ? `${lane.killedPid} killed → …` : `${lane.killedPid} → ${lane.freshPid}`;
  }
}
