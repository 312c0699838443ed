import * as z from 'zod';

/** What a worker returns with a finished job, so latency is measured on one clock: the producer's. */
export const completionSchema = z.object({
  enqueuedAt: z.number().optional(),
  worker: z.string().max(200).optional(),
});
export type Completion = z.infer<typeof completionSchema>;
