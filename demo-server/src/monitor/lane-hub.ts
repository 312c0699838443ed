import {
  PROTOCOL_VERSION,
  TICK_MS,
  type DeltaMessage,
  type DemoStates,
  type LaneDelta,
  type LaneName,
  type LaneState,
  type SnapshotMessage,
} from '../protocol/index.ts';
import type { Lane } from '../lanes/lane.ts';
import type { PacedProducer } from '../scenarios/paced-producer.ts';
import { LaneMonitor } from './lane-monitor.ts';

interface Entry {
  lane: Lane;
  monitor: LaneMonitor;
  /** The lane's steady producer, when the server offers one; its state travels with the figures. */
  producer: PacedProducer | undefined;
  /** The figures last sent, to send a lane again only when something on it moved. */
  lastSent: string;
}

/** The demo scenarios' states (scenarios/demo-board.ts), sent beside the lanes. */
export interface DemoStateSource {
  snapshot(): DemoStates;
  /** The states that changed since the last call, or null. */
  changes(): DemoStates | null;
}

/** Every lane with its monitor: the one place snapshots and deltas are made from. */
export class LaneHub {
  private readonly entries = new Map<LaneName, Entry>();
  private demos: DemoStateSource | undefined;
  private seq = 0;

  /** The demos are made from the hub's lanes, so they join once those exist. */
  showDemos(source: DemoStateSource): void {
    this.demos = source;
  }

  add(lane: Lane, monitor: LaneMonitor, producer?: PacedProducer): void {
    this.entries.set(lane.name, { lane, monitor, producer, lastSent: '' });
  }

  lane(name: LaneName): Lane | undefined {
    return this.entries.get(name)?.lane;
  }

  monitor(name: LaneName): LaneMonitor | undefined {
    return this.entries.get(name)?.monitor;
  }

  producer(name: LaneName): PacedProducer | undefined {
    return this.entries.get(name)?.producer;
  }

  lanes(): Lane[] {
    return [...this.entries.values()].map((entry) => entry.lane);
  }

  snapshot(): SnapshotMessage {
    const lanes: LaneState[] = [...this.entries.values()].map((entry) => ({
      ...this.figures(entry),
      capabilities: entry.lane.capabilities,
      recent: entry.monitor.recentJobs(),
    }));
    const demos = this.demos?.snapshot();
    return { type: 'snapshot', v: PROTOCOL_VERSION, serverTime: Date.now(), tickMs: TICK_MS, lanes, ...(demos && { demos }) };
  }

  /** What changed since the last tick, or null when nothing did. */
  tick(): DeltaMessage | null {
    const lanes: LaneDelta[] = [];
    for (const entry of this.entries.values()) {
      const { counts, recent } = entry.monitor.drainTick();
      const figures = this.figures(entry);
      // Heartbeats alone are no news: a lane is sent again when its figures or its set of workers change.
      const key = JSON.stringify({ ...figures, workers: figures.workers.map((w) => w.id) });
      const moved = Object.values(counts).some((n) => n > 0);
      if (!moved && key === entry.lastSent) continue;
      entry.lastSent = key;
      lanes.push({ ...figures, tick: counts, recent });
    }
    const demos = this.demos?.changes() ?? undefined;
    if (lanes.length === 0 && !demos) return null;
    return { type: 'delta', v: PROTOCOL_VERSION, seq: ++this.seq, serverTime: Date.now(), lanes, ...(demos && { demos }) };
  }

  private figures({ lane, monitor, producer }: Entry) {
    return {
      name: lane.name,
      health: lane.health(),
      stats: monitor.currentStats(),
      throughput: Math.round(monitor.throughput()),
      latency: monitor.latency(),
      workers: lane.workers(),
      producer: producer?.state(),
      run: monitor.run.state(),
      duplicates: monitor.duplicateCompletions(),
    };
  }
}
