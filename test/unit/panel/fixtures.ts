import type { DeltaMessage, LaneDelta, LaneName, LaneState, SnapshotMessage } from '../../../demo-server/src/protocol/index.ts';

export function laneState(name: LaneName = 'bullmq', overrides: Partial<LaneState> = {}): LaneState {
  return {
    name,
    health: { name, status: 'up' },
    capabilities: { label: 'BullMQ', broker: 'Redis', acks: 'late', retries: true, delays: true, priorities: true, results: true, durable: true },
    stats: { waiting: 0, active: 0, completed: 0, failed: 0, retried: 0 },
    throughput: 0,
    latency: { p50: null, p99: null },
    workers: [],
    recent: [],
    ...overrides,
  };
}

export function snapshot(lanes: LaneState[] = [laneState()]): SnapshotMessage {
  return { type: 'snapshot', v: 1, serverTime: 1_000, tickMs: 50, lanes };
}

export function laneDelta(name: LaneName = 'bullmq', overrides: Partial<LaneDelta> = {}): LaneDelta {
  const { capabilities: _capabilities, recent: _recent, ...state } = laneState(name);
  return {
    ...state,
    tick: { enqueued: 0, started: 0, completed: 0, failed: 0, retried: 0 },
    recent: [],
    ...overrides,
  };
}

export function delta(lanes: LaneDelta[], seq = 1): DeltaMessage {
  return { type: 'delta', v: 1, seq, serverTime: 1_050, lanes };
}
