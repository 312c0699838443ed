import * as z from 'zod';

/** The lanes whose workers the batch demo can add to: the demo's own Node workers (ExtraWorkers). */
export const batchLanes = ['bullmq', 'rabbitmq'] as const;
export type BatchLane = (typeof batchLanes)[number];

/** Workers listed by name at most; a few more would not fit the slide anyway. */
export const BATCH_WORKERS_SHOWN = 12;
/** Seconds of completions-per-second kept for the chart. */
export const BATCH_SERIES_SECONDS = 120;

export const batchWorkerShareSchema = z.object({
  /** The worker's own id, as its events carry it (`bullmq@host:pid`). */
  id: z.string().max(200),
  /** Jobs of this run it completed. */
  done: z.number().int().nonnegative(),
});
export type BatchWorkerShare = z.infer<typeof batchWorkerShareSchema>;

export const batchRunSchema = z.object({
  id: z.string().max(16),
  lane: z.enum(batchLanes),
  size: z.number().int().positive(),
  /** Epoch ms, server clock. */
  startedAt: z.number(),
  /** Epoch ms of the last job's end; null while it runs. */
  finishedAt: z.number().nullable(),
  completed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Jobs reported completed more than once (at-least-once delivery made visible). */
  duplicates: z.number().int().nonnegative(),
  workers: z.array(batchWorkerShareSchema).max(BATCH_WORKERS_SHOWN),
  /** Worker processes the server runs for the lane now. */
  workerProcesses: z.number().int().nonnegative(),
  /** Ms after the start at which "Add a worker" was pressed, and at which the added worker finished its first job. */
  addedAtMs: z.number().nonnegative().nullable(),
  joinedAtMs: z.number().nonnegative().nullable(),
  /** Jobs per second from the first job done to the add (or the end), and from the new worker's first job to the end (or now). */
  rateBefore: z.number().nonnegative().nullable(),
  rateAfter: z.number().nonnegative().nullable(),
  /** Completions in each second since the start. */
  perSecond: z.array(z.number().int().nonnegative()).max(BATCH_SERIES_SECONDS),
});
export type BatchRun = z.infer<typeof batchRunSchema>;

/** The "Use case: batch" panel: a batch of CPU jobs fanned out over the lane's workers. */
export const batchStateSchema = z.object({
  job: z.object({ label: z.string().max(60), n: z.number().int().positive() }),
  run: batchRunSchema.nullable(),
});
export type BatchState = z.infer<typeof batchStateSchema>;
