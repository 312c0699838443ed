import * as z from 'zod';

/** The lanes the web-API demo can hand its background work to. */
export const webApiLanes = ['bullmq', 'rabbitmq', 'celery'] as const;
export type WebApiLane = (typeof webApiLanes)[number];

/** `async`: the endpoint enqueues the work and answers 202 at once; `sync`: it answers once the work is done. */
export const webApiVariants = ['async', 'sync'] as const;
export type WebApiVariant = (typeof webApiVariants)[number];

/** Most requests one round fires per variant ("20 requests at once"). */
export const WEB_API_MAX_REQUESTS = 20;

/** One request of a round, times in ms after the round started (server clock); null until it happened. */
export const webApiRequestSchema = z.object({
  variant: z.enum(webApiVariants),
  /** The request reached the endpoint. */
  sentMs: z.number().nonnegative(),
  /** The endpoint answered. */
  answeredMs: z.number().nonnegative().nullable(),
  /** The lane's events: a worker took the job, and finished it. */
  jobStartedMs: z.number().nonnegative().nullable(),
  jobFinishedMs: z.number().nonnegative().nullable(),
  /** The job failed, or the endpoint gave up waiting for it. */
  error: z.string().max(200).optional(),
});
export type WebApiRequest = z.infer<typeof webApiRequestSchema>;

export const webApiRoundSchema = z.object({
  id: z.string().max(16),
  lane: z.enum(webApiLanes),
  /** Requests fired per variant. */
  requests: z.number().int().min(1).max(WEB_API_MAX_REQUESTS),
  /** Epoch ms, server clock. */
  startedAt: z.number(),
  /** Every request answered and every job ended. */
  done: z.boolean(),
  timelines: z.array(webApiRequestSchema).max(WEB_API_MAX_REQUESTS * webApiVariants.length),
});
export type WebApiRound = z.infer<typeof webApiRoundSchema>;

/** The "Use case: web API" panel: the same signup endpoint, with its work in the background or in the request. */
export const webApiStateSchema = z.object({
  /** What the background job does, and how long it sleeps, ms. */
  job: z.object({ label: z.string().max(60), ms: z.number().int().positive() }),
  /** The latest round fired, null before the first and after a reset. */
  round: webApiRoundSchema.nullable(),
});
export type WebApiState = z.infer<typeof webApiStateSchema>;
