import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import * as z from 'zod';
import { ReconnectingAmqp, type AmqpSession } from './amqp-connection.ts';
import { celeryAmqpHeaders, type CeleryMessage, type CeleryProducer } from './celery-message.ts';
import { celeryNames, declareCeleryQueue, declareCeleryTopology } from './celery-topology.ts';

/** A task event with the fields a demo follows a task by (celery/events/state.py names them so). */
export const celeryTaskEventSchema = z.object({
  type: z.string().max(64),
  uuid: z.string().max(155),
  hostname: z.string().max(255).optional(),
  /** task-received: the task's name and its arguments' repr. */
  name: z.string().max(255).optional(),
  args: z.string().max(1_000).optional(),
  exception: z.string().max(1_000).optional(),
  /** Seconds since the epoch, on the worker's clock. */
  timestamp: z.number().optional(),
});
export type CeleryTaskEvent = z.infer<typeof celeryTaskEventSchema>;

const MAX_EVENTS_PER_MESSAGE = 10_000;

/** One message of the event exchange: a single event, or a `task.multi` list from the prefork pool. */
export function decodeCeleryTaskEvents(content: Buffer): CeleryTaskEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.toString('utf8'));
  } catch {
    return [];
  }
  const items = Array.isArray(parsed) ? parsed.slice(0, MAX_EVENTS_PER_MESSAGE) : [parsed];
  return items.flatMap((item) => {
    const event = celeryTaskEventSchema.safeParse(item);
    return event.success && event.data.type.startsWith('task-') ? [event.data] : [];
  });
}

/**
 * A Celery client of the demo app for a demo of its own: sends messages Celery's client would send
 * (a chain, say) to the app's task queue, and hears every task event the app's workers publish, on a
 * private queue that lives as long as the connection. Reconnects by itself, like the lanes.
 */
export class CeleryTaskClient {
  readonly producer: CeleryProducer = { origin: `gen${process.pid}@${hostname()}`, replyTo: randomUUID() };
  private readonly names;
  private readonly amqp: ReconnectingAmqp;

  constructor(
    amqpUrl: string,
    namespace: string,
    name: string,
    private readonly onEvent: (event: CeleryTaskEvent) => void,
  ) {
    this.names = celeryNames(namespace);
    this.amqp = new ReconnectingAmqp(amqpUrl, name, (session) => this.setup(session));
  }

  private async setup({ channel }: AmqpSession): Promise<void> {
    await declareCeleryTopology(channel, this.names);
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, this.names.events, 'task.#');
    await channel.consume(queue, (message) => message && decodeCeleryTaskEvents(message.content).forEach(this.onEvent), { noAck: true });
  }

  start(): Promise<void> {
    return this.amqp.start();
  }

  ready(): boolean {
    return this.amqp.ready() !== null;
  }

  detail(): string {
    return this.amqp.detail();
  }

  /**
   * Publishes to the app's task queue, or to another queue of the app (declared as Celery declares its
   * queues), and resolves once RabbitMQ confirmed the message.
   */
  async send(message: CeleryMessage, queue: string = this.names.queue): Promise<void> {
    const session = this.amqp.ready();
    if (!session) throw new Error(`RabbitMQ is not answering (${this.amqp.detail()})`);
    if (queue !== this.names.queue) await this.amqp.guard(declareCeleryQueue(session.channel, queue), `declaring ${queue}`);
    const { headers, properties, body } = message;
    const confirmed = new Promise<void>((resolve, reject) => {
      session.channel.publish('', queue, body, { ...properties, headers: celeryAmqpHeaders(headers) }, (error) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
      );
    });
    await this.amqp.guard(confirmed, 'publishing');
  }

  close(): Promise<void> {
    return this.amqp.close();
  }
}
