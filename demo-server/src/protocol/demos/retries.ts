import * as z from 'zod';

export const retriesLaneIds = ['celery', 'rabbitmq', 'bullmq', 'dramatiq'] as const;
export type RetriesLaneId = (typeof retriesLaneIds)[number];

/** Failure rates the slide offers, as a flaky job's `failRate`. */
export const retriesFailRates = [0.3, 0.6, 0.9] as const;
/** Flaky jobs per lane each round: all of them drawn on the timeline. */
export const RETRIES_SAMPLE = 12;
const MAX_ATTEMPTS_DRAWN = 6;

/**
 * One attempt of a job, `t` ms after the round started (as its `started` event reached the server):
 * `retry` failed and was retried, `failed` failed for good (dead-lettered), `ok` succeeded, `running` not over yet.
 */
export const retryAttemptSchema = z.object({
  t: z.number().int().nonnegative(),
  outcome: z.enum(['running', 'retry', 'failed', 'ok']),
});
export type RetryAttempt = z.infer<typeof retryAttemptSchema>;

export const retryJobSchema = z.object({
  /** The job's id on its broker, so its fate can be checked there (Celery's result backend, BullMQ's failed set). */
  id: z.string().max(200),
  attempts: z.array(retryAttemptSchema).max(MAX_ATTEMPTS_DRAWN),
  final: z.enum(['pending', 'ok', 'failed']),
});
export type RetryJob = z.infer<typeof retryJobSchema>;

const count = z.number().int().nonnegative();

export const retriesLaneSchema = z.object({
  lane: z.enum(retriesLaneIds),
  label: z.string().max(60),
  /** The framework's retry policy in its own words, as the worker code declares it. */
  policy: z.string().max(80),
  maxAttempts: count,
  /** The least wait before retry 1, 2, ..., ms, as the policy computes it (jitter only adds). */
  backoffMs: z.array(count).max(MAX_ATTEMPTS_DRAWN),
  /** `absent`: this machine cannot run the worker (`hint`); `down`: its broker is away. */
  status: z.enum(['idle', 'starting', 'running', 'done', 'absent', 'down']),
  hint: z.string().max(300).optional(),
  sent: count,
  firstTry: count,
  afterRetries: count,
  /** Failed for good: dead-lettered (RabbitMQ), failed set (BullMQ), FAILURE result (Celery), dead letters (Dramatiq). */
  deadLettered: count,
  jobs: z.array(retryJobSchema).max(RETRIES_SAMPLE),
});
export type RetriesLane = z.infer<typeof retriesLaneSchema>;

export const retriesStateSchema = z.object({
  phase: z.enum(['idle', 'preparing', 'running', 'done']),
  failRate: z.number().min(0).max(1).optional(),
  lanes: z.array(retriesLaneSchema).max(retriesLaneIds.length),
  problem: z.string().max(500).optional(),
});
export type RetriesState = z.infer<typeof retriesStateSchema>;
