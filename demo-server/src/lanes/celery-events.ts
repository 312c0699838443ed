import * as z from 'zod';
import type { JobEvent } from './lane.ts';

/**
 * Celery's events, as its workers publish them to the event exchange (what Flower reads): one
 * event per message, or with the prefork pool a list of up to 24 task events under `task.multi`.
 */
export const celeryEventSchema = z.object({
  type: z.string().max(64),
  hostname: z.string().max(255),
  uuid: z.string().max(155).optional(),
  pid: z.number().int().optional(),
  exception: z.string().optional(),
  /** When the worker sent it, epoch seconds by its clock. */
  timestamp: z.number().optional(),
});
export type CeleryEvent = z.infer<typeof celeryEventSchema>;

const MAX_EVENTS_PER_MESSAGE = 10_000;

/** Reads one message from the event exchange; anything malformed is dropped, since any peer can publish. */
export function decodeCeleryEvents(content: Buffer): CeleryEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.toString('utf8'));
  } catch {
    return [];
  }
  const items = Array.isArray(parsed) ? parsed.slice(0, MAX_EVENTS_PER_MESSAGE) : [parsed];
  const events: CeleryEvent[] = [];
  for (const item of items) {
    const event = celeryEventSchema.safeParse(item);
    if (event.success) events.push(event.data);
  }
  return events;
}

/**
 * A task event as the demo's job event. `task-sent` (the producer's, counted when we publish) says
 * nothing new; `task-received` (prefetched, not running yet) tells which worker holds the message.
 */
export function jobEventOf(event: CeleryEvent, enqueuedAt?: number): JobEvent | undefined {
  const { uuid: jobId, hostname: worker } = event;
  if (jobId === undefined) return undefined;
  switch (event.type) {
    case 'task-received':
      return { type: 'received', jobId, worker };
    case 'task-started':
      return { type: 'started', jobId, worker, ...(event.timestamp !== undefined && { at: Math.round(event.timestamp * 1000) }) };
    case 'task-succeeded':
      return { type: 'completed', jobId, worker, enqueuedAt };
    case 'task-failed':
    case 'task-rejected':
    case 'task-revoked':
      return { type: 'failed', jobId, worker, error: (event.exception ?? event.type).slice(0, 500) };
    case 'task-retried':
      return { type: 'retried', jobId };
    default:
      return undefined;
  }
}
