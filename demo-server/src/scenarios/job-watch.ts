import type { JobEvent } from '../lanes/lane.ts';
import type { LaneMonitor } from '../monitor/lane-monitor.ts';

/** When a followed job was taken by a worker and when it ended, epoch ms as its lane's events arrived. */
export interface JobTimes {
  startedAt?: number;
  endedAt?: number;
  outcome?: 'completed' | 'failed';
  worker?: string;
}

/** Hears each end of a followed job; `repeated` when it had ended before (a duplicate delivery). */
export type JobEndListener = (jobId: string, times: JobTimes, repeated: boolean) => void;

/** Events of jobs nobody follows yet, kept this many: a job's id may reach us after its first event. */
const EARLY_KEPT = 256;
/** Jobs followed at most; the oldest is let go first, so a demo never has to say it is done with one. */
const FOLLOWED_KEPT = 2_000;

/**
 * Follows a few jobs of one lane through the events its monitor counts: a demo learns its job's id
 * from `enqueue(..., sent)` and asks here when the job started and when it ended.
 */
export class JobWatch {
  private readonly followed = new Map<string, JobTimes>();
  private readonly early = new Map<string, JobTimes>();
  private readonly waiters = new Map<string, Array<(times: JobTimes) => void>>();
  private readonly unsubscribe: () => void;

  constructor(
    monitor: LaneMonitor,
    private readonly onEnded?: JobEndListener,
  ) {
    this.unsubscribe = monitor.observe((event, at) => this.hear(event, at));
  }

  /** Starts following a job; what its lane already reported about it is kept. */
  follow(jobId: string): JobTimes {
    const times = this.early.get(jobId) ?? {};
    this.early.delete(jobId);
    this.followed.set(jobId, times);
    if (this.followed.size > FOLLOWED_KEPT) this.forget(this.followed.keys().next().value!);
    if (times.endedAt !== undefined) this.onEnded?.(jobId, times, false);
    return times;
  }

  times(jobId: string): JobTimes | undefined {
    return this.followed.get(jobId);
  }

  /** Resolves when the followed job completed or failed. */
  ended(jobId: string): Promise<JobTimes> {
    const times = this.followed.get(jobId) ?? this.follow(jobId);
    if (times.endedAt !== undefined) return Promise.resolve(times);
    return new Promise((resolve) => {
      const list = this.waiters.get(jobId) ?? [];
      list.push(resolve);
      this.waiters.set(jobId, list);
    });
  }

  forget(jobId: string): void {
    this.followed.delete(jobId);
    this.waiters.delete(jobId);
  }

  close(): void {
    this.unsubscribe();
    this.followed.clear();
    this.early.clear();
    this.waiters.clear();
  }

  private hear(event: JobEvent, at: number): void {
    if (event.type !== 'started' && event.type !== 'completed' && event.type !== 'failed') return;
    const followed = this.followed.get(event.jobId);
    let times = followed;
    if (!times) {
      times = this.early.get(event.jobId) ?? {};
      this.early.set(event.jobId, times);
      if (this.early.size > EARLY_KEPT) this.early.delete(this.early.keys().next().value!);
    }
    if (event.worker !== undefined) times.worker = event.worker;
    if (event.type === 'started') {
      // A redelivered job starts again: the latest start is the one that runs to the end.
      times.startedAt = at;
      return;
    }
    const repeated = times.endedAt !== undefined;
    times.endedAt = at;
    times.outcome = event.type;
    times.startedAt ??= at;
    if (followed) this.onEnded?.(event.jobId, times, repeated);
    const waiting = this.waiters.get(event.jobId);
    this.waiters.delete(event.jobId);
    for (const resolve of waiting ?? []) resolve(times);
  }
}
