import * as z from 'zod';
import type { WorkerInfo } from '../protocol/index.ts';

/** A worker is listed while it has said hello within this many ms. */
export const HEARTBEAT_TTL_MS = 5_000;
export const HEARTBEAT_INTERVAL_MS = 1_000;

export const heartbeatSchema = z.object({
  id: z.string().max(200),
  host: z.string().max(200),
  pid: z.number().int(),
  concurrency: z.number().int(),
  /** Sent on a clean shutdown, so the worker leaves the list at once. */
  bye: z.boolean().optional(),
});
export type Heartbeat = z.infer<typeof heartbeatSchema>;

/** Live workers of one lane, from heartbeats that arrive through the broker. */
export class WorkerRegistry {
  private readonly seen = new Map<string, WorkerInfo>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes a raw heartbeat payload; ignores anything malformed, since any peer on the broker can send one. */
  receive(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const beat = heartbeatSchema.safeParse(parsed);
    if (beat.success) this.record(beat.data);
  }

  /** Takes a heartbeat already read, such as one translated from a framework's own worker events. */
  record({ bye, ...info }: Heartbeat): void {
    if (bye) this.seen.delete(info.id);
    else this.seen.set(info.id, { ...info, lastSeen: this.now() });
  }

  list(): WorkerInfo[] {
    const cutoff = this.now() - HEARTBEAT_TTL_MS;
    for (const [id, info] of this.seen) if (info.lastSeen < cutoff) this.seen.delete(id);
    return [...this.seen.values()];
  }
}
