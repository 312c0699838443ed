import type { JobKind, JobSpec, LaneCapabilities, LaneHealth, LaneName, WorkerInfo } from '../protocol/index.ts';

/** One step in a job's life, as a worker reported it through the lane's broker. */
export type JobEvent =
  | { type: 'enqueued'; jobId: string; kind?: JobSpec['kind']; params?: JobSpec['params'] }
  /** A worker took the message from the broker but has not started it (Celery's prefetch: `task-received`). */
  | { type: 'received'; jobId: string; worker?: string }
  /** `at`: when the worker started it, epoch ms by the worker's clock, where its report says (the timeline of retries). */
  | { type: 'started'; jobId: string; worker?: string; at?: number }
  | { type: 'completed'; jobId: string; worker?: string; enqueuedAt?: number }
  | { type: 'failed'; jobId: string; worker?: string; error?: string }
  | { type: 'retried'; jobId: string }
  /** Counted as enqueued, then not confirmed by the broker: it was never accepted. */
  | { type: 'withdrawn'; jobId: string };

export type JobEventSink = (event: JobEvent) => void;

/** Why a lane's broker cannot be used now, and the command that starts it. */
export interface BrokerDown {
  detail: string;
  hint: string;
}

/** Hears the id of each job an enqueue sends, so a demo can follow its own jobs' events. */
export type SentJobSink = (jobId: string) => void;

/** A finished job's outcome, as its framework's result store keeps it. */
export type StoredResult = { status: 'succeeded'; value: unknown } | { status: 'failed'; error: string };

/**
 * One way of running background jobs. A lane never throws for a broker that is away:
 * it reports `down` in `health()` and reconnects by itself.
 */
export interface Lane {
  readonly name: LaneName;
  readonly capabilities: LaneCapabilities;
  /** Connects and starts following the broker; resolves even when the broker is unreachable. */
  start(): Promise<void>;
  health(): LaneHealth;
  /** Workers that announced themselves recently, from any machine. */
  workers(): WorkerInfo[];
  /** Enqueues `count` copies of `job`; resolves with how many the broker accepted. Throws LaneUnavailable. */
  enqueue(job: JobSpec, count: number, sent?: SentJobSink): Promise<number>;
  /**
   * Reads a job's outcome back from the framework's result store (Celery's result backend,
   * Dramatiq's Results middleware); undefined until there is one. Lanes without a store lack it.
   */
  result?(jobId: string, kind: JobKind): Promise<StoredResult | undefined>;
  /** Reads what a job was asked to do back from the broker, for a lane whose events do not carry it. */
  jobSpec?(jobId: string): Promise<JobSpec | undefined>;
  /** Empties the lane's queue: the speaker's recovery between rehearsals. */
  reset(): Promise<void>;
  close(): Promise<void>;
}
