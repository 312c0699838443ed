import * as z from 'zod';
import type { JobEvent } from './lane.ts';

/**
 * Lifecycle events travel batched: one AMQP message per worker per few ms, not one per
 * transition, so reporting never costs more than the work it reports.
 */
export const amqpEventBatchSchema = z.object({
  worker: z.string().max(200),
  events: z
    .array(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('started'), jobId: z.string().max(200), at: z.number().optional() }),
        z.object({ type: z.literal('completed'), jobId: z.string().max(200), enqueuedAt: z.number().optional() }),
        z.object({ type: z.literal('failed'), jobId: z.string().max(200), error: z.string().max(500).optional() }),
        z.object({ type: z.literal('retried'), jobId: z.string().max(200) }),
      ]),
    )
    .max(10_000),
});
export type AmqpEventBatch = z.infer<typeof amqpEventBatchSchema>;

/** Reads a batch from the wire; anything malformed is dropped, since any peer on the broker can publish. */
export function decodeEventBatch(content: Buffer): JobEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.toString('utf8'));
  } catch {
    return [];
  }
  const batch = amqpEventBatchSchema.safeParse(parsed);
  if (!batch.success) return [];
  return batch.data.events.map((event) => ({ ...event, worker: batch.data.worker }));
}
