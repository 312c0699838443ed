import { BATCH_SERIES_SECONDS, BATCH_WORKERS_SHOWN, type BatchLane, type BatchRun } from '../../protocol/index.ts';

/**
 * One batch's count, from its jobs' ends as the lane reported them: how many each worker did, how
 * fast the batch went before and after a worker was added, and whether any job came back twice.
 */
export class BatchTally {
  private completed = 0;
  private failed = 0;
  private duplicates = 0;
  private finishedAt: number | null = null;
  /** The batch's first completion: rates run from one job's end to another's, so a worker's warm-up does not count. */
  private firstAt: number | null = null;
  private readonly byWorker = new Map<string, number>();
  /** Workers that had finished a job when the worker was added: a newcomer is any other. */
  private workersAtAdd: ReadonlySet<string> | null = null;
  private addedAt: number | null = null;
  private joinedAt: number | null = null;
  private completedAtJoin = 0;
  private completedAtAdd = 0;
  private readonly perSecond: number[] = [];

  constructor(
    readonly id: string,
    readonly lane: BatchLane,
    readonly size: number,
    readonly startedAt: number,
  ) {}

  ended(outcome: 'completed' | 'failed', worker: string | undefined, at: number, repeated: boolean): void {
    if (repeated) {
      if (outcome === 'completed') this.duplicates++;
      return;
    }
    if (outcome === 'failed') this.failed++;
    else {
      this.completed++;
      this.firstAt ??= at;
      const second = Math.floor(Math.max(0, at - this.startedAt) / 1000);
      if (second < BATCH_SERIES_SECONDS) {
        while (this.perSecond.length <= second) this.perSecond.push(0);
        this.perSecond[second]!++;
      }
      if (worker !== undefined) {
        this.byWorker.set(worker, (this.byWorker.get(worker) ?? 0) + 1);
        if (this.workersAtAdd && this.joinedAt === null && !this.workersAtAdd.has(worker)) {
          this.joinedAt = at;
          this.completedAtJoin = this.completed;
        }
      }
    }
    if (this.completed + this.failed >= this.size) this.finishedAt ??= at;
  }

  workerAdded(at: number): void {
    if (this.addedAt !== null) return;
    this.addedAt = at;
    this.completedAtAdd = this.completed;
    this.workersAtAdd = new Set(this.byWorker.keys());
  }

  running(): boolean {
    return this.finishedAt === null;
  }

  hasAdded(): boolean {
    return this.addedAt !== null;
  }

  state(now: number, workerProcesses: number): BatchRun {
    const end = this.finishedAt ?? now;
    const rate = (jobs: number, from: number, to: number) => (to - from >= RATE_WINDOW_MIN_MS ? round1((jobs * 1000) / (to - from)) : null);
    const first = this.firstAt ?? end;
    const rateBefore =
      this.addedAt === null ? rate(this.completed - 1, first, end) : rate(this.completedAtAdd - 1, first, this.addedAt);
    const rateAfter = this.joinedAt === null ? null : rate(this.completed - this.completedAtJoin, this.joinedAt, end);
    const ms = (at: number | null) => (at === null ? null : Math.round(at - this.startedAt));
    return {
      id: this.id,
      lane: this.lane,
      size: this.size,
      startedAt: this.startedAt,
      finishedAt: this.finishedAt,
      completed: this.completed,
      failed: this.failed,
      duplicates: this.duplicates,
      workers: [...this.byWorker].slice(0, BATCH_WORKERS_SHOWN).map(([id, done]) => ({ id, done })),
      workerProcesses,
      addedAtMs: ms(this.addedAt),
      joinedAtMs: ms(this.joinedAt),
      rateBefore,
      rateAfter,
      perSecond: [...this.perSecond],
    };
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A rate over less time than this says more about one job's timing than about the batch, ms. */
export const RATE_WINDOW_MIN_MS = 1_500;
