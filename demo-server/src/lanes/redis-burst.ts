import type { JobSpec } from '../protocol/index.ts';
import type { JobEventSink, SentJobSink } from './lane.ts';

/** Jobs written to Redis in one round trip. */
const WRITE_SLICE = 1_000;

export interface RedisBurst {
  job: JobSpec;
  count: number;
  /** A fresh job id for the next message. */
  nextId(): string;
  /** Writes these jobs' messages; resolves once Redis has them, rejects when it has none of them. */
  write(jobIds: string[]): Promise<unknown>;
  emit: JobEventSink;
  sent?: SentJobSink;
}

/**
 * Writes a burst to Redis in slices, each one command or transaction, so that 100,000 jobs never
 * hold the event loop or one reply for long. Like the AMQP bursts, a job is counted as enqueued
 * before it is written (its worker may report it started before Redis answers) and withdrawn
 * when its slice fails. Resolves with how many Redis took, and why the burst stopped early.
 */
export async function writeRedisBurst(burst: RedisBurst): Promise<{ accepted: number; cutShort?: Error }> {
  let accepted = 0;
  while (accepted < burst.count) {
    const jobIds = Array.from({ length: Math.min(WRITE_SLICE, burst.count - accepted) }, () => burst.nextId());
    for (const jobId of jobIds) {
      burst.emit({ type: 'enqueued', jobId, kind: burst.job.kind, params: burst.job.params });
      burst.sent?.(jobId);
    }
    try {
      await burst.write(jobIds);
    } catch (error) {
      for (const jobId of jobIds) burst.emit({ type: 'withdrawn', jobId });
      return { accepted, cutShort: error as Error };
    }
    accepted += jobIds.length;
  }
  return { accepted };
}
