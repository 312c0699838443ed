import * as z from 'zod';

/** The result stores of the results demo, in the panel's column order. */
export const resultFrameworks = ['celery', 'dramatiq', 'bullmq'] as const;
export type ResultFramework = (typeof resultFrameworks)[number];

/** Results followed per framework: the newest few. */
export const MAX_RESULTS = 3;

export const storedResultSchema = z.object({
  /** The task id, message id or job id. */
  id: z.string().max(200),
  /** The argument of `cpu(n)`. */
  input: z.number().int(),
  /** The value as read back from the store, JSON text; null until it is there. */
  value: z.string().max(120).nullable(),
  /** The Redis key the framework keeps it under. */
  key: z.string().max(300),
  /** Redis `PTTL` of that key at the last read, ms; -1 when the key has no expiry; null before it exists. */
  ttlMs: z.number().int().nullable(),
  state: z.enum(['pending', 'stored', 'expired']),
});
export type StoredResultView = z.infer<typeof storedResultSchema>;

export const resultColumnSchema = z.object({
  framework: z.enum(resultFrameworks),
  status: z.enum(['ready', 'unavailable']),
  note: z.string().max(300).nullable(),
  hint: z.string().max(300).nullable(),
  /** How the framework was told to expire results, as code. */
  expiry: z.string().max(120),
  results: z.array(storedResultSchema).max(MAX_RESULTS),
});
export type ResultColumn = z.infer<typeof resultColumnSchema>;

export const resultsStateSchema = z.object({ columns: z.array(resultColumnSchema).max(3) });
export type ResultsState = z.infer<typeof resultsStateSchema>;

/** `enqueue` sends one `cpu(n)` job to one framework, or to each when none is named. */
export const resultsEnqueueSchema = z.object({ framework: z.enum(resultFrameworks).optional() }).strict();
