import type { JobKind, LaneRun } from '../protocol/index.ts';

/**
 * A counted burst on one lane, as a race needs it: it started at a moment with a number of jobs,
 * and it is finished when that many jobs have ended (completed, or failed for good) since.
 */
export class RunTracker {
  private current: LaneRun | undefined;
  private ended = 0;
  /** Until the broker has answered, the requested count is the target; then what it accepted. */
  private settled = false;

  start(id: string, kind: JobKind, requested: number, startedAt: number): void {
    this.current = { id, kind, count: requested, startedAt, finishedAt: null };
    this.ended = 0;
    this.settled = false;
  }

  /** The broker's answer: how many of the requested jobs it took. */
  settle(accepted: number, now: number): void {
    if (!this.current) return;
    this.current = { ...this.current, count: accepted };
    this.settled = true;
    this.check(now);
  }

  /** A job of this lane ended at `at` (epoch ms). */
  jobEnded(at: number): void {
    if (!this.current || this.current.finishedAt !== null) return;
    this.ended++;
    this.check(at);
  }

  state(): LaneRun | undefined {
    return this.current;
  }

  clear(): void {
    this.current = undefined;
  }

  private check(at: number): void {
    if (this.current && this.settled && this.current.finishedAt === null && this.ended >= this.current.count) {
      this.current = { ...this.current, finishedAt: at };
    }
  }
}
