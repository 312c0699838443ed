import { once } from 'node:events';
import type { ConfirmChannel } from 'amqplib';
import type { JobSpec } from '../protocol/index.ts';
import type { JobEventSink, SentJobSink } from './lane.ts';

/** Messages published between two waits for the broker's confirms. */
const CONFIRM_SLICE = 1_000;

export interface Burst {
  job: JobSpec;
  count: number;
  /** A fresh job id for the next message. */
  nextId(): string;
  /** Publishes one message; `confirmed` hears the broker's answer. False when the channel's buffer is full. */
  publish(jobId: string, confirmed: (error: unknown) => void): boolean;
  emit: JobEventSink;
  sent?: SentJobSink;
  /** Bounds each wait on the broker (ReconnectingAmqp.guard): a blocked or silent broker cuts the burst short. */
  guard<T>(work: Promise<T>, what: string): Promise<T>;
}

/**
 * Publishes a burst with publisher confirms, in slices, so that 100,000 jobs never hold the
 * event loop or the channel's buffer for long. A job is counted as enqueued before it is sent
 * (its worker may report it started before the confirm arrives) and withdrawn when the broker
 * does not confirm it. Resolves with how many were confirmed, and why the burst stopped early.
 */
export async function publishBurst(channel: ConfirmChannel, burst: Burst): Promise<{ accepted: number; cutShort?: Error }> {
  let accepted = 0;
  let published = 0;
  try {
    while (published < burst.count) {
      const slice = Math.min(CONFIRM_SLICE, burst.count - published);
      for (let i = 0; i < slice; i++) {
        const jobId = burst.nextId();
        burst.emit({ type: 'enqueued', jobId, kind: burst.job.kind, params: burst.job.params });
        burst.sent?.(jobId);
        let hasRoom: boolean;
        try {
          hasRoom = burst.publish(jobId, (error) => {
            if (error) burst.emit({ type: 'withdrawn', jobId });
            else accepted++;
          });
        } catch (error) {
          burst.emit({ type: 'withdrawn', jobId });
          throw error;
        }
        if (!hasRoom) await burst.guard(drained(channel), 'publishing');
      }
      published += slice;
      await burst.guard(channel.waitForConfirms(), 'waiting for confirms');
    }
    return { accepted };
  } catch (error) {
    return { accepted, cutShort: error as Error };
  }
}

/** Waits for the channel's write buffer to empty, or fails when the channel closes first. */
async function drained(channel: ConfirmChannel): Promise<void> {
  const closed = once(channel, 'close').then(() => {
    throw new Error('channel closed while publishing');
  });
  await Promise.race([once(channel, 'drain'), closed]);
}
