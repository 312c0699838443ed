import type { Channel, ConsumeMessage } from 'amqplib';

/** Unacked batches at most: what a lost connection can make the broker hand out again. */
const INBOX_PREFETCH = 1_000;
/** Batch ids remembered, well above the prefetch, so every batch handed out again is recognised. */
const HANDLED_IDS_KEPT = 10_000;

/**
 * Reads the server's durable inbox of worker events and heartbeats with manual acks. With
 * auto-ack the broker drops a batch from the queue as soon as it hands it to the connection,
 * and a clean broker stop (connection.close 320 CONNECTION_FORCED) discards what is still on
 * its way: those jobs ran, but were never counted. Acked only after it was handled, a batch
 * comes back after a reconnect instead; one handled already is recognised by its message id
 * (workers give each batch its own) and counted once.
 */
export class AmqpEventInbox {
  /** Insertion-ordered, so the oldest id is the first one forgotten. */
  private readonly handled = new Set<string>();

  constructor(private readonly handle: (message: ConsumeMessage) => void) {}

  /** Starts consuming `queue` on a fresh session's channel. */
  async consume(channel: Channel, queue: string): Promise<void> {
    await channel.prefetch(INBOX_PREFETCH);
    // One ack per turn of the event loop, for every batch handled up to then.
    let lastHandled: ConsumeMessage | null = null;
    const ackHandled = () => {
      const last = lastHandled!;
      lastHandled = null;
      try {
        channel.ack(last, true);
      } catch {
        // The channel closed meanwhile: these batches come back after the reconnect, recognised by their ids.
      }
    };
    await channel.consume(
      queue,
      (message) => {
        if (!message) return;
        if (this.firstSeen(message.properties.messageId)) this.handle(message);
        if (!lastHandled) setImmediate(ackHandled);
        lastHandled = message;
      },
      { noAck: false },
    );
  }

  private firstSeen(id: unknown): boolean {
    if (typeof id !== 'string' || id === '') return true;
    if (this.handled.has(id)) return false;
    this.handled.add(id);
    if (this.handled.size > HANDLED_IDS_KEPT) this.handled.delete(this.handled.values().next().value!);
    return true;
  }
}
