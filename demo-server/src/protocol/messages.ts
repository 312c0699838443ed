import * as z from 'zod';
import { demoStatesSchema } from './demos/index.ts';
import { jobKinds, laneNames } from './jobs.ts';

export const PROTOCOL_VERSION = 1;

/** Interval between two deltas on the WebSocket, in ms. */
export const TICK_MS = 50;

/** Bound on the recent jobs a lane keeps and sends: a sample, never the whole stream. */
export const RECENT_JOBS_LIMIT = 40;

export const laneStatsSchema = z.object({
  waiting: z.number().int().nonnegative(),
  active: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  retried: z.number().int().nonnegative(),
});
export type LaneStats = z.infer<typeof laneStatsSchema>;

export const laneStatusSchema = z.enum(['up', 'down']);
export type LaneStatus = z.infer<typeof laneStatusSchema>;

export const laneHealthSchema = z.object({
  name: z.enum(laneNames),
  status: laneStatusSchema,
  /** Why the lane is down, in words for the audience. */
  detail: z.string().optional(),
  /** The command that brings the lane's broker or worker up. */
  hint: z.string().optional(),
});
export type LaneHealth = z.infer<typeof laneHealthSchema>;

export const healthResponseSchema = z.object({ lanes: z.array(laneHealthSchema) });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** What a lane can do, so a panel can show the broker's guarantees next to its numbers. */
export const laneCapabilitiesSchema = z.object({
  label: z.string(),
  broker: z.string(),
  acks: z.enum(['early', 'late', 'none']),
  retries: z.boolean(),
  delays: z.boolean(),
  priorities: z.boolean(),
  results: z.boolean(),
  durable: z.boolean(),
});
export type LaneCapabilities = z.infer<typeof laneCapabilitiesSchema>;

export const jobStateSchema = z.enum(['waiting', 'active', 'completed', 'failed', 'retried']);
export type JobState = z.infer<typeof jobStateSchema>;

export const recentJobSchema = z.object({
  id: z.string(),
  kind: z.enum(jobKinds).optional(),
  state: jobStateSchema,
  /** Epoch ms of the transition. */
  at: z.number(),
  /** Enqueue to completion, ms, when known. */
  latencyMs: z.number().optional(),
  worker: z.string().optional(),
});
export type RecentJob = z.infer<typeof recentJobSchema>;

export const workerInfoSchema = z.object({
  id: z.string(),
  host: z.string(),
  pid: z.number().int(),
  concurrency: z.number().int(),
  /** Epoch ms of the last heartbeat. */
  lastSeen: z.number(),
});
export type WorkerInfo = z.infer<typeof workerInfoSchema>;

/** Transitions seen during one tick, so a panel can animate them without one message per job. */
export const tickCountsSchema = z.object({
  enqueued: z.number().int().nonnegative(),
  started: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  retried: z.number().int().nonnegative(),
});
export type TickCounts = z.infer<typeof tickCountsSchema>;

/** A server-side producer enqueuing at a steady pace (`POST /api/lanes/:lane/producer`). */
export const producerStateSchema = z.object({
  /** Jobs per second. */
  rate: z.number().positive(),
  kind: z.enum(jobKinds),
  /** Epoch ms at which it stops by itself. */
  until: z.number(),
});
export type ProducerState = z.infer<typeof producerStateSchema>;

/** A counted burst on a lane (`POST /api/race`): done when as many jobs ended as were accepted. */
export const laneRunSchema = z.object({
  /** The same for every lane of one race. */
  id: z.string(),
  kind: z.enum(jobKinds),
  /** Jobs the broker accepted for this run. */
  count: z.number().int().nonnegative(),
  /** Epoch ms, server clock. */
  startedAt: z.number(),
  /** Epoch ms at which the last job of the run completed or failed; null while it runs. */
  finishedAt: z.number().nullable(),
});
export type LaneRun = z.infer<typeof laneRunSchema>;

export const laneStateSchema = z.object({
  name: z.enum(laneNames),
  health: laneHealthSchema,
  capabilities: laneCapabilitiesSchema,
  stats: laneStatsSchema,
  /** Completions per second over the last second. */
  throughput: z.number().nonnegative(),
  /** Enqueue-to-completion latency over recent jobs, ms. */
  latency: z.object({ p50: z.number().nullable(), p99: z.number().nullable() }),
  workers: z.array(workerInfoSchema),
  recent: z.array(recentJobSchema).max(RECENT_JOBS_LIMIT),
  /** Absent while no producer runs. Added in protocol v1 without a version bump: older clients ignore it. */
  producer: producerStateSchema.optional(),
  /** The lane's latest counted burst, absent before the first and after a reset. */
  run: laneRunSchema.optional(),
  /**
   * Jobs reported completed again after they had completed (at-least-once delivery: a broker that
   * died with acks in flight hands such jobs back), counted once in `stats.completed`. Added in v1.
   */
  duplicates: z.number().int().nonnegative().optional(),
});
export type LaneState = z.infer<typeof laneStateSchema>;

export const snapshotMessageSchema = z.object({
  type: z.literal('snapshot'),
  v: z.literal(PROTOCOL_VERSION),
  serverTime: z.number(),
  tickMs: z.number().int().positive(),
  lanes: z.array(laneStateSchema),
  /** Every demo scenario's state (see demos/index.ts). Added in protocol v1: older clients ignore it. */
  demos: demoStatesSchema.optional(),
});
export type SnapshotMessage = z.infer<typeof snapshotMessageSchema>;

/** One lane's change during a tick: its current figures plus what happened since the last delta. */
export const laneDeltaSchema = laneStateSchema
  .omit({ capabilities: true, recent: true })
  .extend({
    tick: tickCountsSchema,
    /** Jobs that changed state this tick, a bounded sample. */
    recent: z.array(recentJobSchema).max(RECENT_JOBS_LIMIT),
  });
export type LaneDelta = z.infer<typeof laneDeltaSchema>;

export const deltaMessageSchema = z.object({
  type: z.literal('delta'),
  v: z.literal(PROTOCOL_VERSION),
  seq: z.number().int().nonnegative(),
  serverTime: z.number(),
  /** Only the lanes that changed this tick. */
  lanes: z.array(laneDeltaSchema),
  /** Only the demo states that changed this tick, each whole. */
  demos: demoStatesSchema.optional(),
});
export type DeltaMessage = z.infer<typeof deltaMessageSchema>;

export const errorMessageSchema = z.object({
  type: z.literal('error'),
  code: z.string(),
  message: z.string(),
});
export type ErrorMessage = z.infer<typeof errorMessageSchema>;

export const pongMessageSchema = z.object({ type: z.literal('pong'), t: z.number(), serverTime: z.number() });
export type PongMessage = z.infer<typeof pongMessageSchema>;

export const serverMessageSchema = z.discriminatedUnion('type', [
  snapshotMessageSchema,
  deltaMessageSchema,
  errorMessageSchema,
  pongMessageSchema,
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

/** What a deck may say over the socket. Commands go over HTTP; the socket only measures round trips. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), t: z.number() }).strict(),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
