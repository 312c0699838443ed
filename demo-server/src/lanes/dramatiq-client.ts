import type { Redis } from 'ioredis';
import { ReconnectingAmqp, type AmqpSession } from './amqp-connection.ts';
import { decodeEventBatch } from './amqp-events.ts';
import { amqpNames, eventRoutingKey } from './amqp-topology.ts';
import type { JobEvent } from './lane.ts';
import { dramatiqNames, dramatiqPublishOptions, dramatiqQueueDeclarations, dramatiqResultKey } from './dramatiq-message.ts';
import { commandConnection } from './redis-connection.ts';

/** What the Results middleware stores for a message that failed for good (results/result.py). */
const isStoredException = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as { __t?: unknown }).__t === 'dramatiq.results.Result';

/**
 * A Dramatiq client of the demo's actors for a demo of its own: publishes encoded messages to the
 * actors' queue as RabbitmqBroker does, hears the LifecycleEvents middleware's reports on a private
 * queue, and reads results back from the Results middleware's Redis backend.
 */
export class DramatiqClient {
  readonly names;
  private readonly events;
  private readonly amqp: ReconnectingAmqp;
  private readonly redis: Redis;

  constructor(
    amqpUrl: string,
    redisUrl: string,
    namespace: string,
    name: string,
    private readonly onEvent: (event: JobEvent) => void,
  ) {
    this.names = dramatiqNames(namespace);
    this.events = amqpNames(namespace).events;
    this.amqp = new ReconnectingAmqp(amqpUrl, name, (session) => this.setup(session));
    this.redis = commandConnection(redisUrl, name);
  }

  private async setup({ channel }: AmqpSession): Promise<void> {
    for (const { queue, options } of dramatiqQueueDeclarations(this.names)) await channel.assertQueue(queue, options);
    await channel.assertExchange(this.events, 'topic', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, this.events, eventRoutingKey('dramatiq'));
    await channel.consume(queue, (message) => message && decodeEventBatch(message.content).forEach(this.onEvent), { noAck: true });
  }

  start(): Promise<void> {
    return this.amqp.start();
  }

  ready(): boolean {
    return this.amqp.ready() !== null;
  }

  /** Publishes an encoded message to the actors' queue and resolves once RabbitMQ confirmed it. */
  async send(body: Buffer): Promise<void> {
    const session = this.amqp.ready();
    if (!session) throw new Error(`RabbitMQ is not answering (${this.amqp.detail()})`);
    const confirmed = new Promise<void>((resolve, reject) => {
      session.channel.publish('', this.names.queue, body, dramatiqPublishOptions, (error) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
      );
    });
    await this.amqp.guard(confirmed, 'publishing');
  }

  /** The actor's return value for the message, or undefined while there is none (or it failed). */
  async result(actor: string, messageId: string): Promise<unknown> {
    const stored = await this.redis.lindex(dramatiqResultKey(this.names.queue, actor, messageId), 0);
    if (stored === null) return undefined;
    try {
      const value: unknown = JSON.parse(stored);
      return isStoredException(value) ? undefined : value;
    } catch {
      return undefined;
    }
  }

  async close(): Promise<void> {
    await this.amqp.close();
    this.redis.disconnect();
  }
}
