import type { JobEvent } from '../../lanes/lane.ts';

/** After the kill, a lane with jobs unfinished is judged no sooner than this, ms: BullMQ needs its lock (5 s) to expire and a stalled check (every 2 s) to hand a job on. */
export const VERDICT_NOT_BEFORE_MS = 9_000;
/** ...and only once nothing happened on it for this long, ms, with its fresh worker up and idle. */
export const QUIET_MS = 3_000;
/** Events of jobs whose enqueue was not confirmed yet, kept at most: a round has a few jobs. */
const EARLY_KEPT = 1_000;

export interface RoundFigures {
  sent: number;
  started: number;
  runningAtKill: number;
  redelivered: number;
  completed: number;
  /** Undefined until the verdict. */
  lost: number | undefined;
}

/**
 * One lane's round of the reliability demo, counted from its events alone: which jobs the killed
 * worker held (received or started before the kill), which of them the broker handed out again
 * afterwards, which completed. A job is lost when it never completes: that is decided once the
 * fresh worker is up, runs nothing, and the lane has been quiet for a while.
 */
export class LaneRound {
  private readonly ids = new Set<string>();
  private readonly early = new Map<string, { event: JobEvent; at: number }[]>();
  private readonly started = new Set<string>();
  private readonly ended = new Set<string>();
  private readonly completed = new Set<string>();
  /** Delivered to the worker that was killed: running or prefetched there. */
  private readonly heldByVictim = new Set<string>();
  private readonly redelivered = new Set<string>();
  private readonly startedAfterKill = new Set<string>();
  private runningAtKill = 0;
  private killedAt: number | undefined;
  private lastEventAt: number;
  private verdictAt: number | undefined;

  constructor(now: number) {
    this.lastEventAt = now;
  }

  record(event: JobEvent, now: number): void {
    if (event.type === 'enqueued') {
      this.ids.add(event.jobId);
      this.lastEventAt = Math.max(this.lastEventAt, now);
      // A worker's report can overtake the producer's confirm: what it said comes now, in order.
      const early = this.early.get(event.jobId);
      this.early.delete(event.jobId);
      for (const held of early ?? []) this.record(held.event, held.at);
      return;
    }
    if (this.verdictAt !== undefined) return;
    if (!this.ids.has(event.jobId)) {
      // Not (yet) known to be this round's: kept a while, bounded; a straggler of the last round never gets counted.
      if (this.early.size < EARLY_KEPT) this.early.set(event.jobId, [...(this.early.get(event.jobId) ?? []), { event, at: now }]);
      return;
    }
    this.lastEventAt = Math.max(this.lastEventAt, now);
    const id = event.jobId;
    switch (event.type) {
      case 'received':
        this.delivered(id);
        return;
      case 'started':
        this.started.add(id);
        this.delivered(id);
        if (this.killedAt !== undefined) this.startedAfterKill.add(id);
        return;
      case 'completed':
        this.completed.add(id);
        this.ended.add(id);
        return;
      case 'failed':
        this.ended.add(id);
        return;
      case 'retried':
      case 'withdrawn':
        return;
    }
  }

  private delivered(id: string): void {
    if (this.killedAt === undefined) this.heldByVictim.add(id);
    else if (this.heldByVictim.has(id)) this.redelivered.add(id);
  }

  /** The worker is killed now: what it was running is fixed from here on. */
  kill(now: number): void {
    this.killedAt = now;
    this.runningAtKill = [...this.started].filter((id) => !this.ended.has(id)).length;
  }

  /** Jobs running right now, as far as the events tell. */
  running(): number {
    return [...this.started].filter((id) => !this.ended.has(id)).length;
  }

  /** Gives the verdict when it is due; `freshWorkerUp`: a worker other than the killed one reports in. */
  judge(now: number, freshWorkerUp: boolean): boolean {
    if (this.verdictAt !== undefined) return true;
    if (this.killedAt === undefined) return false;
    const allDone = this.ids.size > 0 && this.completed.size === this.ids.size;
    const fresh = [...this.startedAfterKill].filter((id) => !this.ended.has(id)).length === 0;
    const quiet = now - this.lastEventAt >= QUIET_MS && now - this.killedAt >= VERDICT_NOT_BEFORE_MS;
    if (allDone || (freshWorkerUp && fresh && quiet)) this.verdictAt = now;
    return this.verdictAt !== undefined;
  }

  killed(): boolean {
    return this.killedAt !== undefined;
  }

  settled(): boolean {
    return this.verdictAt !== undefined;
  }

  figures(): RoundFigures {
    return {
      sent: this.ids.size,
      started: this.started.size,
      runningAtKill: this.runningAtKill,
      redelivered: this.redelivered.size,
      completed: this.completed.size,
      lost: this.verdictAt === undefined ? undefined : this.ids.size - this.completed.size,
    };
  }
}
