import { RECENT_JOBS_LIMIT, TICK_MS } from '../../demo-server/src/protocol/index.ts';
import type { DeltaMessage, DemoStates, LaneDelta, LaneName, LaneState, RecentJob, SnapshotMessage, TickCounts } from '../../demo-server/src/protocol/index.ts';

/**
 * `connecting`: no snapshot yet since the page loaded; `open`: a snapshot arrived on the
 * current socket; `offline`: the socket closed or never opened, a retry is scheduled.
 */
export type ConnectionStatus = 'connecting' | 'open' | 'offline';

export interface StoreState {
  readonly connection: ConnectionStatus;
  /** Whether any snapshot arrived since the page loaded: before that there is nothing to show but a recording. */
  readonly everConnected: boolean;
  readonly tickMs: number;
  /** Server clock (epoch ms) of the last message applied, to time runs without trusting the page's clock. */
  readonly serverTime: number;
  readonly lanes: ReadonlyMap<LaneName, LaneState>;
  /** Each demo scenario's latest state, by its panel name; a demo the server does not run is absent. */
  readonly demos: DemoStates;
}

export type StoreEvent =
  | { readonly type: 'connection' }
  | { readonly type: 'snapshot' }
  /** Transitions of this tick per lane, for animation; figures are already in the state. */
  | { readonly type: 'delta'; readonly ticks: ReadonlyMap<LaneName, TickCounts> };

export type StoreListener = (event: StoreEvent, state: StoreState) => void;

export const initialState: StoreState = {
  connection: 'connecting',
  everConnected: false,
  tickMs: TICK_MS,
  serverTime: 0,
  lanes: new Map(),
  demos: {},
};

/** A snapshot replaces everything: after a reconnect nothing from the old socket survives. */
export function applySnapshot(state: StoreState, msg: SnapshotMessage): StoreState {
  return {
    connection: 'open',
    everConnected: true,
    tickMs: msg.tickMs,
    serverTime: msg.serverTime,
    lanes: new Map(msg.lanes.map((lane) => [lane.name, lane])),
    demos: msg.demos ?? {},
  };
}

/**
 * Deltas carry absolute figures, so a lost delta costs only its animation, never drift.
 * A delta for a lane the snapshot did not list cannot be completed (no capabilities) and is dropped.
 */
export function applyDelta(
  state: StoreState,
  msg: DeltaMessage,
): { state: StoreState; ticks: Map<LaneName, TickCounts>; changed: boolean } {
  const ticks = new Map<LaneName, TickCounts>();
  const demosChanged = msg.demos !== undefined && Object.keys(msg.demos).length > 0;
  if (!state.everConnected || (msg.lanes.length === 0 && !demosChanged)) return { state, ticks, changed: false };
  const demos = demosChanged ? { ...state.demos, ...msg.demos } : state.demos;
  const lanes = new Map(state.lanes);
  for (const delta of msg.lanes) {
    const current = lanes.get(delta.name);
    if (!current) continue;
    lanes.set(delta.name, mergeLane(current, delta));
    ticks.set(delta.name, delta.tick);
  }
  return { state: { ...state, serverTime: msg.serverTime, lanes, demos }, ticks, changed: ticks.size > 0 || demosChanged };
}

function mergeLane(current: LaneState, delta: LaneDelta): LaneState {
  return {
    ...current,
    health: delta.health,
    stats: delta.stats,
    throughput: delta.throughput,
    latency: delta.latency,
    workers: delta.workers,
    recent: mergeRecent(current.recent, delta.recent),
    // Absent in a delta means none now: a stopped producer, a run cleared by a reset.
    producer: delta.producer,
    run: delta.run,
    duplicates: delta.duplicates,
  };
}

/** Newest first, one entry per job id, bounded like the server's own list. */
export function mergeRecent(older: readonly RecentJob[], newer: readonly RecentJob[]): RecentJob[] {
  const seen = new Set<string>();
  const merged: RecentJob[] = [];
  const byNewest = [...newer].sort((a, b) => b.at - a.at);
  for (const job of [...byNewest, ...older]) {
    if (seen.has(job.id)) continue;
    seen.add(job.id);
    merged.push(job);
    if (merged.length === RECENT_JOBS_LIMIT) break;
  }
  return merged;
}

/** The page's one copy of the server's lane states; the socket writes, panels read and subscribe. */
export class LaneStore {
  private current: StoreState = initialState;
  private readonly listeners = new Set<StoreListener>();
  /** The server's clock minus the page's, as of the last message. */
  private clockOffset = 0;

  get state(): StoreState {
    return this.current;
  }

  /** The server's clock now, between its messages: bars that grow and axes that scroll move on its time. */
  serverNow(): number {
    return Date.now() + this.clockOffset;
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  setConnection(connection: ConnectionStatus): void {
    if (connection === this.current.connection) return;
    this.current = { ...this.current, connection };
    this.emit({ type: 'connection' });
  }

  receiveSnapshot(msg: SnapshotMessage): void {
    this.current = applySnapshot(this.current, msg);
    this.syncClock();
    this.emit({ type: 'snapshot' });
  }

  /** Takes another window's state as is (see store-mirror.ts); `ticks` when it came from a delta. */
  adopt(state: StoreState, ticks: ReadonlyMap<LaneName, TickCounts> | undefined): void {
    this.current = state;
    this.syncClock();
    this.emit(ticks ? { type: 'delta', ticks } : { type: 'snapshot' });
  }

  receiveDelta(msg: DeltaMessage): void {
    const { state, ticks, changed } = applyDelta(this.current, msg);
    if (!changed) return;
    this.current = state;
    this.syncClock();
    this.emit({ type: 'delta', ticks });
  }

  private syncClock(): void {
    if (this.current.serverTime > 0) this.clockOffset = this.current.serverTime - Date.now();
  }

  private emit(event: StoreEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event, this.current);
      } catch (err) {
        // One broken panel must not starve the others of updates.
        console.error('[demo] store listener failed', err);
      }
    }
  }
}
