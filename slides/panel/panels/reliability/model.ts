import type { ReliabilityLane, ReliabilityState } from '../../../../demo-server/src/protocol/demos/reliability.ts';
import { sentences } from '../../captions.ts';
import { formatCount } from '../../format.ts';
import type { FrameModel } from '../../frame/frame.ts';
import { selectDemo, type SourceInput } from '../../source.ts';

/** Where every number of the panel comes from, and what "lost" means: said under the table. */
export const RELIABILITY_SOURCE =
  'From the brokers’ events. Lost: sent, never completed once the fresh worker is up and the lane quiet for 3 s.';

/** Which buttons may be pressed now, while the controls are on. */
export interface ReliabilityButtons {
  readonly start: boolean;
  readonly kill: boolean;
  readonly acksLate: boolean;
}

export interface ReliabilityViewModel extends FrameModel {
  readonly lanes: readonly ReliabilityLane[];
  readonly celeryAcksLate: boolean;
  readonly headline: string;
  /** The headline is the round's verdict. */
  readonly verdict: boolean;
  /** The round before's verdict, said under this one's. */
  readonly previous: string;
  readonly allowed: ReliabilityButtons;
  /** The start button's label, with the round's size. */
  readonly startLabel: string;
}

export function reliabilityViewModel(input: SourceInput): ReliabilityViewModel {
  const source = selectDemo('reliability', input);
  const state = source.state;
  const frame = { controls: source.controls, banner: source.banner, caption: sentences(RELIABILITY_SOURCE, source.note), dim: source.dim, failure: state?.problem };
  if (!state) {
    return { ...frame, lanes: [], celeryAcksLate: false, headline: '', verdict: false, previous: '', allowed: allowedIn(undefined), startLabel: 'Start long jobs' };
  }
  return {
    ...frame,
    lanes: state.lanes,
    celeryAcksLate: state.celeryAcksLate,
    headline: headlineOf(state),
    verdict: state.phase === 'settled',
    previous: state.previous && state.previous.length > 0 ? `Round before: ${verdict(state.previous)}` : '',
    allowed: allowedIn(state),
    startLabel: `Start ${state.jobs.perLane} × sleep ${state.jobs.ms / 1000} s per lane`,
  };
}

function allowedIn(state: ReliabilityState | undefined): ReliabilityButtons {
  if (!state) return { start: false, kill: false, acksLate: false };
  const between = state.phase === 'idle' || state.phase === 'settled';
  const running = state.lanes.filter((lane) => lane.status === 'busy');
  // Killed only once every slot of every worker holds a job: then "mid-task" is true in each lane.
  const everySlotBusy = running.length > 0 && running.every((lane) => lane.started >= Math.min(state.jobs.concurrency, lane.sent));
  return { start: between, kill: state.phase === 'running' && everySlotBusy, acksLate: between };
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
