import {
  RECENT_JOBS_LIMIT,
  type LaneStats,
  type RecentJob,
  type TickCounts,
} from '../protocol/index.ts';
import type { JobEvent } from '../lanes/lane.ts';

/** Hears every event the monitor counts, with the time it counted it (epoch ms). */
export type JobEventListener = (event: JobEvent, at: number) => void;
import { LatencyWindow } from './latency-window.ts';
import { RunTracker } from './lane-run.ts';
import { RateWindow } from './rate-window.ts';
import { RecentIds } from './recent-ids.ts';

/** Jobs a worker may still finish from before a reset, remembered at most: a lost worker's jobs never end. */
const RUNNING_AT_RESET_KEPT = 10_000;

/** Enough to recognise a duplicate anywhere in a 100,000-job burst, at a few MB. */
const COMPLETED_IDS_KEPT = 100_000;

const emptyTick = (): TickCounts => ({ enqueued: 0, started: 0, completed: 0, failed: 0, retried: 0 });

/**
 * Counts one lane's jobs from its events alone, so jobs from workers and producers
 * the server did not start are counted too. Memory stays bounded: only the jobs
 * running right now are remembered by id.
 */
export class LaneMonitor {
  private stats: LaneStats = { waiting: 0, active: 0, completed: 0, failed: 0, retried: 0 };
  private readonly running = new Set<string>();
  /** Jobs that were running at the last reset: their endings belong to the previous run. */
  private readonly runningAtReset = new Set<string>();
  private tick = emptyTick();
  private tickRecent: RecentJob[] = [];
  private recent: RecentJob[] = [];
  private readonly completions = new RateWindow(1000);
  private readonly latencies = new LatencyWindow(2048);
  private redelivered = 0;
  private duplicates = 0;
  /** Recently completed ids, to recognise a job reported done twice. */
  private readonly completedIds = new RecentIds(COMPLETED_IDS_KEPT);
  /** The lane's latest counted burst (a race), finished by the events counted here. */
  readonly run = new RunTracker();
  private readonly listeners = new Set<JobEventListener>();

  constructor(private readonly now: () => number = Date.now) {}

  record(event: JobEvent): void {
    // A prefetched message is still waiting as far as the counts go.
    if (event.type === 'received') return;
    if (event.type !== 'enqueued' && this.runningAtReset.delete(event.jobId)) return;
    const at = this.now();
    for (const listener of this.listeners) listener(event, at);
    const s = this.stats;
    switch (event.type) {
      case 'enqueued':
        s.waiting++;
        this.tick.enqueued++;
        this.sample({ id: event.jobId, kind: event.kind, state: 'waiting', at });
        return;
      case 'started':
        if (this.running.has(event.jobId)) {
          this.redelivered++;
        } else {
          this.running.add(event.jobId);
          s.active++;
          if (s.waiting > 0) s.waiting--;
        }
        this.tick.started++;
        this.sample({ id: event.jobId, state: 'active', at, worker: event.worker });
        return;
      case 'completed': {
        if (this.completedIds.has(event.jobId)) {
          this.leaveRunning(event.jobId);
          this.duplicates++;
          return;
        }
        this.completedIds.add(event.jobId);
        this.leaveRunning(event.jobId);
        s.completed++;
        this.tick.completed++;
        this.completions.add(at);
        const latencyMs = event.enqueuedAt === undefined ? undefined : Math.max(0, at - event.enqueuedAt);
        if (latencyMs !== undefined) this.latencies.add(latencyMs);
        this.sample({ id: event.jobId, state: 'completed', at, latencyMs, worker: event.worker });
        this.run.jobEnded(at);
        return;
      }
      case 'failed':
        this.leaveRunning(event.jobId);
        s.failed++;
        this.tick.failed++;
        this.sample({ id: event.jobId, state: 'failed', at, worker: event.worker });
        this.run.jobEnded(at);
        return;
      case 'withdrawn':
        if (s.waiting > 0) s.waiting--;
        return;
      case 'retried':
        if (!this.running.delete(event.jobId)) return;
        s.active--;
        s.waiting++;
        s.retried++;
        this.tick.retried++;
        this.sample({ id: event.jobId, state: 'retried', at });
        return;
    }
  }

  /** A job that ends without us having seen it start still leaves the queue. */
  private leaveRunning(jobId: string): void {
    if (this.running.delete(jobId)) this.stats.active--;
    else if (this.stats.waiting > 0) this.stats.waiting--;
  }

  private sample(job: RecentJob): void {
    if (this.tickRecent.length < RECENT_JOBS_LIMIT) this.tickRecent.push(job);
    this.recent.push(job);
    if (this.recent.length > RECENT_JOBS_LIMIT * 2) this.recent = this.recent.slice(-RECENT_JOBS_LIMIT);
  }

  /** Lets a demo follow the lane's jobs as they are counted; returns how to stop listening. */
  observe(listener: JobEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  currentStats(): LaneStats {
    return { ...this.stats };
  }

  /** Jobs started a second time while we still saw them running: a broker's redelivery. */
  redeliveries(): number {
    return this.redelivered;
  }

  /** Jobs reported completed a second time: at-least-once delivery made visible. */
  duplicateCompletions(): number {
    return this.duplicates;
  }

  throughput(): number {
    return this.completions.perSecond(this.now());
  }

  latency(): { p50: number | null; p99: number | null } {
    return { p50: this.latencies.percentile(50), p99: this.latencies.percentile(99) };
  }

  recentJobs(): RecentJob[] {
    return this.recent.slice(-RECENT_JOBS_LIMIT);
  }

  /** Hands over what happened since the last call and starts a new tick. */
  drainTick(): { counts: TickCounts; recent: RecentJob[] } {
    const drained = { counts: this.tick, recent: this.tickRecent };
    this.tick = emptyTick();
    this.tickRecent = [];
    return drained;
  }

  reset(): void {
    // Jobs left over from an earlier reset are kept: a second reset before they end (the race resets
    // right after the Reset button) must not let their endings count in the new run.
    for (const id of this.running) this.runningAtReset.add(id);
    for (const id of this.runningAtReset) {
      if (this.runningAtReset.size <= RUNNING_AT_RESET_KEPT) break;
      this.runningAtReset.delete(id);
    }
    this.stats = { waiting: 0, active: 0, completed: 0, failed: 0, retried: 0 };
    this.running.clear();
    this.tick = emptyTick();
    this.tickRecent = [];
    this.recent = [];
    this.completions.clear();
    this.latencies.clear();
    this.redelivered = 0;
    this.duplicates = 0;
    this.completedIds.clear();
    this.run.clear();
  }
}
