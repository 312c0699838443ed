import { randomUUID } from 'node:crypto';
import type { ConfirmChannel } from 'amqplib';
import type { AmqpEventBatch } from '../lanes/amqp-events.ts';

type Event = AmqpEventBatch['events'][number];

/**
 * Reports one channel's job events. Events of one turn of the event loop leave as one
 * persistent message; the acks of the jobs they report follow once the broker confirmed it.
 * A worker or broker that dies in between makes a job run and be reported twice (the
 * server counts the duplicate), never lost. Bound to the channel its messages came on, so
 * a reconnect never mixes acks of one channel with events of another.
 */
export class AmqpEventReporter {
  private events: Event[] = [];
  private settle: Array<() => void> = [];
  private scheduled = false;

  constructor(
    private readonly channel: ConfirmChannel,
    private readonly exchange: string,
    private readonly routingKey: string,
    private readonly worker: string,
  ) {}

  /** Queues an event; `then` (the job's ack or nack) runs once the event is safely with the broker. */
  report(event: Event, then?: () => void): void {
    this.events.push(event);
    if (then) this.settle.push(then);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.events.length === 0) return;
    const batch: AmqpEventBatch = { worker: this.worker, events: this.events };
    const settle = this.settle;
    this.events = [];
    this.settle = [];
    try {
      this.channel.publish(this.exchange, this.routingKey, Buffer.from(JSON.stringify(batch)), {
        contentType: 'application/json',
        persistent: true,
        // The server recognises a batch the broker hands it twice (after a reconnect) by this id.
        messageId: randomUUID(),
      });
    } catch {
      // The channel is closed: its unacked jobs go back to the queue by themselves.
      return;
    }
    this.channel.waitForConfirms().then(
      () => {
        try {
          for (const done of settle) done();
        } catch {
          // Closed meanwhile: the broker redelivers these messages by itself.
        }
      },
      // Unconfirmed: leave the jobs unacked, so the broker hands them out again.
      () => {},
    );
  }
}
