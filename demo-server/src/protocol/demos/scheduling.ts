import * as z from 'zod';

/** The schedulers of the scheduling demo, in the panel's row order. */
export const schedulerNames = ['celery', 'bullmq', 'dramatiq'] as const;
export type SchedulerName = (typeof schedulerNames)[number];

/** Ticks kept per scheduler: enough for the panel's time axis, bounded. */
export const MAX_TICKS = 30;

export const schedulerStateSchema = z.object({
  name: z.enum(schedulerNames),
  /** `starting`: its process is booting; `unavailable`: cannot run here (`note` says why, `hint` how). */
  status: z.enum(['stopped', 'starting', 'running', 'paused', 'unavailable']),
  note: z.string().max(300).nullable(),
  hint: z.string().max(300).nullable(),
  /** The schedule's period, ms. */
  everyMs: z.number().int().positive(),
  /** When each recent tick ran (epoch ms, the worker's report), oldest first. */
  ticks: z.array(z.number()).max(MAX_TICKS),
  /** Ticks run since the start or the last reset. */
  count: z.number().int().nonnegative(),
  /** Ticks the scheduler sent that no worker has run yet (APScheduler without a Dramatiq worker). */
  unrun: z.number().int().nonnegative(),
  /** Gaps between consecutive ticks, ms: the schedule's jitter, measured. */
  intervalP50: z.number().nullable(),
  intervalMax: z.number().nullable(),
});
export type SchedulerState = z.infer<typeof schedulerStateSchema>;

export const schedulingStateSchema = z.object({
  schedulers: z.array(schedulerStateSchema).max(3),
});
export type SchedulingState = z.infer<typeof schedulingStateSchema>;

/** `start` and `pause` take one scheduler, or all of them when none is named. */
export const schedulingCommandSchema = z.object({ scheduler: z.enum(schedulerNames).optional() }).strict();
