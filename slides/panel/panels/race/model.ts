import { isLaneName, type JobKind, type LaneName, type LaneRun, type LaneState } from '../../../../demo-server/src/protocol/index.ts';
import { formatCount, formatSeconds } from '../../format.ts';
import type { FrameModel } from '../../frame/frame.ts';
import type { RecordedLane, Recording } from '../../recording.ts';
import { allow, selectSource, type Presentation, type SourceInput } from '../../source.ts';
import type { StoreState } from '../../store.ts';
import { latestRun, type RaceSeries } from './history.ts';

const DEFAULT_LANES: readonly LaneName[] = ['memory', 'bullmq', 'rabbitmq'];

/** `memory, bullmq` -> lanes in the order given, each once; the names it does not know. */
export function parseLanes(attr: string | undefined): { lanes: LaneName[]; unknown: string[] } {
  if (attr === undefined || attr.trim() === '') return { lanes: [...DEFAULT_LANES], unknown: [] };
  const names = [...new Set(attr.split(',').map((name) => name.trim()).filter(Boolean))];
  return { lanes: names.filter(isLaneName), unknown: names.filter((name) => !isLaneName(name)) };
}

/** Bursts the race buttons send, the same to every lane. */
export const raceSizes = [1_000, 20_000] as const;
export const RACE_KIND: JobKind = 'noop';

type Figures = Pick<LaneState, 'stats' | 'throughput' | 'latency'>;

/**
 * - `idle`: no race yet (or the lane sat this one out); its current counters are shown.
 * - `running` / `finished`: in the race on screen.
 * - `down`: the broker is away; `absent`: this server (or recording) has no such lane.
 */
export type RaceLaneStatus = 'idle' | 'running' | 'finished' | 'down' | 'absent';

export interface RaceLaneModel {
  readonly name: LaneName;
  readonly label: string;
  readonly status: RaceLaneStatus;
  readonly figures: Figures | undefined;
  /** Since the start: to now while running, to the last job when finished, ms. */
  readonly elapsedMs: number | undefined;
  /** Share of the burst that ended, 0..1. */
  readonly progress: number | undefined;
  /** 1 for the first lane to finish. */
  readonly place: number | undefined;
  /** Why a greyed lane is greyed, with the command that fixes it. */
  readonly problem: { readonly title: string; readonly detail: string; readonly hint: string } | undefined;
}

export interface RaceViewModel extends FrameModel {
  readonly lanes: readonly RaceLaneModel[];
  readonly headline: string;
  /** Said once every racing lane finished. */
  readonly winner: string | undefined;
  /** Seconds since the start and jobs/s per lane, in the panel's lane order; NaN where a lane has no sample. */
  readonly chart: { readonly t: readonly number[]; readonly ys: readonly (readonly number[])[] } | undefined;
  /** Lanes a press of a race button sends the burst to: those the server has and that are up. */
  readonly startable: readonly LaneName[];
}

export interface RaceInput extends SourceInput {
  readonly lanes: readonly LaneName[];
  /** Throughput samples of the live race, if one ran since the page loaded. */
  readonly series: RaceSeries | undefined;
}

/** What the lane is called on screen: its label from the server or the recording, else its id. */
const labelOf = (name: LaneName, lane: { capabilities?: { label: string } } | undefined): string => lane?.capabilities?.label ?? name;

export function raceViewModel(input: RaceInput): RaceViewModel {
  const source = selectSource(input);
  if (source.from === 'server') return fromLive(input.lanes, source.state, input.series, source);
  return fromRecording(input.lanes, source.recording, source);
}

function fromRecording(lanes: readonly LaneName[], recording: Recording | undefined, source: Presentation): RaceViewModel {
  const race = latestRun(lanes.map((name) => recording?.lanes[name]));
  const models = lanes.map((name) => {
    const recorded = recording?.lanes[name];
    if (recording && !recorded) {
      return outLane(name, name, { title: `${name}: not in this recording`, detail: '', hint: 'Record it: `npm run record`' });
    }
    return laneModel(name, labelOf(name, recorded), recorded, race, recording ? Date.parse(recording.recordedAt) : 0);
  });
  const chart = recording?.chart && {
    t: recording.chart.t,
    ys: lanes.map((name) => (recording.chart?.lanes[name] ?? recording.chart!.t.map(() => null)).map((y) => y ?? Number.NaN)),
  };
  return finish(models, race, chart, { controls: source.controls, startable: [], banner: source.banner, caption: source.note, dim: source.dim });
}

function fromLive(lanes: readonly LaneName[], store: StoreState, series: RaceSeries | undefined, source: Presentation): RaceViewModel {
  const race = latestRun(lanes.map((name) => store.lanes.get(name)));
  const models = lanes.map((name) => {
    const state = store.lanes.get(name);
    if (!state) return outLane(name, name, { title: `${name}: not on this demo server`, detail: '', hint: '' });
    const label = labelOf(name, state);
    if (state.health.status === 'down') {
      return outLane(name, label, { title: `${label} is down`, detail: state.health.detail ?? '', hint: state.health.hint ?? '' }, 'down', state);
    }
    // A burst into a lane nobody consumes would never finish: it sits this race out until a worker reports.
    if (state.workers.length === 0 && !(race && state.run?.id === race.id)) {
      const detail = state.health.detail ?? 'No worker has reported on this lane yet.';
      return outLane(name, label, { title: `${label}: no worker`, detail, hint: state.health.hint ?? '' }, 'down', state);
    }
    return laneModel(name, label, state, race, store.serverTime);
  });
  const startable = source.controls !== 'enabled' ? [] : models.filter((lane) => lane.status !== 'down' && lane.status !== 'absent').map((lane) => lane.name);
  const chart =
    series && series.raceId === race?.id
      ? { t: series.t, ys: lanes.map((name) => series.lanes.get(name) ?? series.t.map(() => Number.NaN)) }
      : undefined;
  return finish(models, race, chart, {
    controls: allow(source.controls, startable.length > 0),
    startable,
    banner: source.banner,
    caption: source.note,
    dim: source.dim,
  });
}

function laneModel(name: LaneName, label: string, lane: (RecordedLane | LaneState) | undefined, race: LaneRun | undefined, now: number): RaceLaneModel {
  const figures = lane && { stats: lane.stats, throughput: lane.throughput, latency: lane.latency };
  const run = race && lane?.run?.id === race.id ? lane.run : undefined;
  if (!run || !figures) {
    return { name, label, status: 'idle', figures, elapsedMs: undefined, progress: undefined, place: undefined, problem: undefined };
  }
  const ended = figures.stats.completed + figures.stats.failed;
  const elapsedMs = Math.max(0, (run.finishedAt ?? now) - run.startedAt);
  return {
    name,
    label,
    status: run.finishedAt === null ? 'running' : 'finished',
    figures,
    elapsedMs,
    progress: run.count > 0 ? Math.min(1, ended / run.count) : 1,
    place: undefined,
    problem: undefined,
  };
}

/** A lane greyed out of the race: down, without a worker, or not there at all. */
function outLane(name: LaneName, label: string, problem: RaceLaneModel['problem'], status: 'down' | 'absent' = 'absent', lane?: LaneState): RaceLaneModel {
  const figures = lane && { stats: lane.stats, throughput: lane.throughput, latency: lane.latency };
  return { name, label, status, figures, elapsedMs: undefined, progress: undefined, place: undefined, problem };
}

/** Places, the headline and the winner, the same for a live race and a recorded one. */
function finish(
  lanes: RaceLaneModel[],
  race: LaneRun | undefined,
  chart: RaceViewModel['chart'],
  rest: Pick<RaceViewModel, 'controls' | 'startable' | 'banner' | 'caption' | 'dim'>,
): RaceViewModel {
  const finished = lanes.filter((lane) => lane.status === 'finished').sort((a, b) => a.elapsedMs! - b.elapsedMs!);
  const placed = lanes.map((lane) => {
    const place = finished.indexOf(lane);
    return place < 0 ? lane : { ...lane, place: place + 1 };
  });
  const racing = lanes.filter((lane) => lane.status === 'running' || lane.status === 'finished');
  const first = finished[0];
  const winner =
    first && racing.every((lane) => lane.status === 'finished')
      ? `${racing.length > 1 ? 'Winner' : 'Finished'}: ${first.label}, ${formatCount(race?.count ?? 0)} jobs in ${formatSeconds(first.elapsedMs!)}`
      : undefined;
  const headline = race
    ? `${formatCount(race.count)} ${race.kind} jobs through each lane at once…`
    : 'The same burst through each lane at once: who empties its queue first?';
  return { lanes: placed, headline, winner, chart, ...rest };
}
