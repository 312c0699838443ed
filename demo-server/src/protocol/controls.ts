import * as z from 'zod';
import { jobKinds, laneNames, MAX_COUNT } from './jobs.ts';

/** Fastest a server-side producer may enqueue, jobs per second. */
export const MAX_PRODUCER_RATE = 1_000;
/** A producer nobody stops stops by itself after this long, ms: a forgotten one must not fill a broker all night. */
export const PRODUCER_MAX_RUN_MS = 180_000;
/** Most worker processes the server runs for one lane, its own included. */
export const MAX_SERVER_WORKERS = 8;

/**
 * Body of `POST /api/lanes/:lane/producer`: keep enqueuing `rate` jobs a second, paced in small
 * slices, until another request changes it, `rate: 0` stops it, a reset, or PRODUCER_MAX_RUN_MS.
 */
export const producerRequestSchema = z
  .object({
    rate: z.number().min(0).max(MAX_PRODUCER_RATE),
    kind: z.enum(jobKinds).default('noop'),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type ProducerRequest = z.input<typeof producerRequestSchema>;

/**
 * Body of `POST /api/race`: empty the named lanes, then send each the same burst at the same moment.
 * Each lane's progress comes back as its `run` in the snapshot and deltas.
 */
export const raceRequestSchema = z
  .object({
    lanes: z
      .array(z.enum(laneNames))
      .min(1)
      .max(laneNames.length)
      .refine((lanes) => new Set(lanes).size === lanes.length, 'each lane at most once'),
    kind: z.enum(jobKinds).default('noop'),
    count: z.number().int().min(1).max(MAX_COUNT),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type RaceRequest = z.input<typeof raceRequestSchema>;

export interface RaceResponse {
  /** Shared by the `run` of every lane that took part. */
  id: string;
  lanes: Array<{ name: string; accepted: number; error?: string }>;
}

/** Body of `POST /api/lanes/:lane/workers`: how many worker processes the server runs for the lane, its own included. */
export const workersRequestSchema = z
  .object({ count: z.number().int().min(0).max(MAX_SERVER_WORKERS) })
  .strict();
export type WorkersRequest = z.infer<typeof workersRequestSchema>;

export interface WorkersResponse {
  lane: string;
  count: number;
}
