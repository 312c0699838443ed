import type { LaneName, LaneRun } from '../../../../demo-server/src/protocol/index.ts';
import type { LaneStore, StoreState } from '../../store.ts';

/** Samples kept per race; past this, every other one is dropped, so a long race keeps its shape. */
export const MAX_SAMPLES = 600;
/** Sampling goes on this long after the last lane finished, so the chart shows the throughput falling. */
export const TAIL_MS = 1_200;
/**
 * Throughput is measured over this window, s. The server's own figure covers the last whole second,
 * which would draw a lane that finished in 0.2 s as running on at full speed for a second more.
 */
export const RATE_WINDOW_S = 0.5;

/** Throughput of every lane of one race over time, in the shape a chart wants. */
export interface RaceSeries {
  readonly raceId: string;
  /** Seconds since the race started, server clock. */
  readonly t: readonly number[];
  /** Jobs/s per lane at each `t`, over the RATE_WINDOW_S before it. */
  readonly lanes: ReadonlyMap<LaneName, readonly number[]>;
}

/** The latest race among `lanes`: the run that started last; undefined before any. */
export function latestRun(lanes: Iterable<{ readonly run?: LaneRun } | undefined>): LaneRun | undefined {
  let latest: LaneRun | undefined;
  for (const lane of lanes) {
    if (lane?.run && (!latest || lane.run.startedAt > latest.startedAt)) latest = lane.run;
  }
  return latest;
}

/**
 * Follows the store and samples each racing lane's progress on every message, whether or not a race
 * panel is on screen: a race started on one slide keeps its whole chart on the next one.
 */
export class RaceHistory {
  private t: number[] = [];
  private lanes = new Map<LaneName, number[]>();
  /** Jobs ended (completed + failed) per lane at each `t`, which the rates are computed from. */
  private ended = new Map<LaneName, number[]>();
  private raceId: string | undefined;
  private version = 0;

  /** Takes one sample from the state; true when the series changed. */
  observe(state: StoreState): boolean {
    const run = latestRun(state.lanes.values());
    if (!run) {
      if (this.raceId === undefined) return false;
      this.raceId = undefined;
      this.clear();
      this.version += 1;
      return true;
    }
    if (run.id !== this.raceId) {
      this.raceId = run.id;
      this.clear();
    }
    const racing = [...state.lanes.values()].filter((lane) => lane.run?.id === run.id);
    const finishes = racing.map((lane) => lane.run?.finishedAt ?? null);
    const lastFinish = finishes.includes(null) ? Infinity : Math.max(...(finishes as number[]));
    const seconds = (state.serverTime - run.startedAt) / 1000;
    const last = this.t.at(-1);
    if (state.serverTime > lastFinish + TAIL_MS || seconds < 0 || (last !== undefined && seconds <= last)) return false;

    // The server sends nothing while nothing changes; a lane that finished in that silence has run at
    // 0 jobs/s since one window after its finish, which a straight line to the next sample would hide.
    const settled = racing
      .filter((lane) => lane.run?.finishedAt != null)
      .map((lane) => ({ name: lane.name, at: (lane.run!.finishedAt! - run.startedAt) / 1000 + RATE_WINDOW_S }))
      .filter(({ at }) => at > (last ?? 0) && at < seconds)
      .sort((a, b) => a.at - b.at);
    for (const { at } of settled) {
      this.t.push(at);
      for (const lane of racing) {
        const done = lane.run?.finishedAt != null && (lane.run.finishedAt - run.startedAt) / 1000 + RATE_WINDOW_S <= at;
        // Other lanes get no invented value there: the chart joins their line across it.
        this.seriesOf(lane.name).ended.push(done ? lane.stats.completed + lane.stats.failed : Number.NaN);
        this.seriesOf(lane.name).ys.push(done ? 0 : Number.NaN);
      }
    }

    this.t.push(seconds);
    for (const lane of racing) {
      const { ys, ended } = this.seriesOf(lane.name);
      ended.push(lane.stats.completed + lane.stats.failed);
      const finished = lane.run?.finishedAt != null && (lane.run.finishedAt - run.startedAt) / 1000 <= seconds - RATE_WINDOW_S;
      ys.push(finished ? 0 : this.rate(ended, seconds));
    }
    if (this.t.length > MAX_SAMPLES) this.thin();
    this.version += 1;
    return true;
  }

  /** The current race's samples, undefined before any race and after a reset. */
  series(): RaceSeries | undefined {
    if (this.raceId === undefined) return undefined;
    return { raceId: this.raceId, t: this.t, lanes: this.lanes };
  }

  /** Grows by one on every change. */
  get changes(): number {
    return this.version;
  }

  /** A lane's arrays, created for a lane first seen mid-race (a reconnect) with no invented past. */
  private seriesOf(name: LaneName): { ys: number[]; ended: number[] } {
    let ys = this.lanes.get(name);
    let ended = this.ended.get(name);
    if (!ys || !ended) {
      ys = new Array<number>(this.t.length - 1).fill(Number.NaN);
      ended = new Array<number>(this.t.length - 1).fill(Number.NaN);
      this.lanes.set(name, ys);
      this.ended.set(name, ended);
    }
    return { ys, ended };
  }

  /**
   * Jobs/s over the last RATE_WINDOW_S before `now`, from the newest sample at least that old; the
   * start of the race (0 jobs at 0 s, counters were reset) serves when there is none.
   */
  private rate(ended: readonly number[], now: number): number {
    const newest = ended.length - 1;
    let from = { t: 0, ended: 0 };
    for (let i = newest - 1; i >= 0; i -= 1) {
      if (Number.isNaN(ended[i]!)) continue;
      if (this.t[i]! <= now - RATE_WINDOW_S) {
        from = { t: this.t[i]!, ended: ended[i]! };
        break;
      }
    }
    if (now <= from.t) return 0;
    return Math.max(0, (ended[newest]! - from.ended) / (now - from.t));
  }

  private clear(): void {
    this.t = [];
    this.lanes = new Map();
    this.ended = new Map();
  }

  private thin(): void {
    const lastIndex = this.t.length - 1;
    const keep = (_: number, i: number): boolean => i % 2 === 0 || i === lastIndex;
    this.t = this.t.filter(keep);
    for (const [name, ys] of this.lanes) this.lanes.set(name, ys.filter(keep));
    for (const [name, ended] of this.ended) this.ended.set(name, ended.filter(keep));
  }
}

const histories = new WeakMap<LaneStore, RaceHistory>();

/** One history per page's store, started by the first race panel and fed for the page's lifetime. */
export function raceHistoryFor(store: LaneStore): RaceHistory {
  let history = histories.get(store);
  if (!history) {
    const created = new RaceHistory();
    created.observe(store.state);
    store.subscribe((_event, state) => created.observe(state));
    histories.set(store, created);
    history = created;
  }
  return history;
}
