import * as z from 'zod';
import { jobKinds, laneNames } from '../jobs.ts';

/** Tasks the server remembers for the monitoring view, across page reloads, until a reset. */
export const MONITORING_HISTORY_LIMIT = 500;
/** The newest tasks sent to the decks; the rest of the history stays on the server. */
export const MONITORING_TASKS_SHOWN = 10;

export const monitoredTaskStateSchema = z.enum(['waiting', 'active', 'completed', 'failed', 'retried']);

export const monitoredTaskSchema = z.object({
  id: z.string().max(200),
  lane: z.enum(laneNames),
  kind: z.enum(jobKinds).optional(),
  /** The job's parameters (every kind's are numbers), when its lane's events or broker tell them. */
  params: z.record(z.string(), z.number()).optional(),
  state: monitoredTaskStateSchema,
  /** Epoch ms of the events, server clock, as they arrived. */
  enqueuedAt: z.number().optional(),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  /** Started to ended, ms. */
  runtimeMs: z.number().nonnegative().optional(),
  worker: z.string().max(200).optional(),
  /** Id of the task this one re-runs, when it came from the re-run button. */
  rerunOf: z.string().max(200).optional(),
});
export type MonitoredTask = z.infer<typeof monitoredTaskSchema>;

/** The "Monitoring — live" panel: the history of tasks on every lane (workers, queues, rates are the lanes' own state). */
export const monitoringStateSchema = z.object({
  /** Newest first. */
  tasks: z.array(monitoredTaskSchema).max(MONITORING_TASKS_SHOWN),
  /** Tasks kept on the server, and how many of them ended each way. */
  history: z.object({
    kept: z.number().int().nonnegative(),
    limit: z.number().int().positive(),
    completed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    /** Epoch ms of the oldest task kept. */
    since: z.number().nullable(),
  }),
});
export type MonitoringState = z.infer<typeof monitoringStateSchema>;
