import * as z from 'zod';

/** The three frameworks of the chaining demo, in the panel's column order. */
export const chainFrameworks = ['celery', 'dramatiq', 'bullmq'] as const;
export type ChainFramework = (typeof chainFrameworks)[number];

/** fetch -> transform -> store: each step's return value is the next step's input. */
export const chainStepNames = ['fetch', 'transform', 'store'] as const;
export type ChainStepName = (typeof chainStepNames)[number];

/**
 * A step as its framework reported it: `waiting` (not sent yet: a chain sends the next step only when
 * the previous one is done), `queued`, `running`, `retrying`, `succeeded`, `failed`, or `never` (the
 * chain stopped before it; its framework will not run it).
 */
export const chainStepStates = ['waiting', 'queued', 'running', 'retrying', 'succeeded', 'failed', 'never'] as const;
export type ChainStepState = (typeof chainStepStates)[number];

export const chainStepSchema = z.object({
  name: z.enum(chainStepNames),
  /** The task id, message id or job id the framework knows the step by. */
  id: z.string().max(200),
  state: z.enum(chainStepStates),
  /** The step's return value as its framework's result store holds it, as JSON text. */
  value: z.string().max(200).nullable(),
  error: z.string().max(300).nullable(),
  /** Attempts its framework retried before this one. */
  retries: z.number().int().nonnegative(),
  /** ms since the run was sent, as the framework's events arrived. */
  startedMs: z.number().nullable(),
  endedMs: z.number().nullable(),
});
export type ChainStep = z.infer<typeof chainStepSchema>;

export const chainColumnSchema = z.object({
  framework: z.enum(chainFrameworks),
  /** `unavailable`: the framework cannot run here now; `note` says why and `hint` how to start it. */
  status: z.enum(['idle', 'running', 'succeeded', 'failed', 'unavailable']),
  note: z.string().max(300).nullable(),
  hint: z.string().max(300).nullable(),
  steps: z.array(chainStepSchema).max(3),
});
export type ChainColumn = z.infer<typeof chainColumnSchema>;

export const chainingStateSchema = z.object({
  /** Whether the last run told its middle step to fail. */
  failMiddle: z.boolean(),
  /** When the last run was sent (epoch ms), or null before the first. */
  sentAt: z.number().nullable(),
  columns: z.array(chainColumnSchema).max(3),
});
export type ChainingState = z.infer<typeof chainingStateSchema>;

export const chainingRunSchema = z.object({ failMiddle: z.boolean().default(false) }).strict();
