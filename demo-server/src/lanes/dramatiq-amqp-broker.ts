import { randomUUID } from 'node:crypto';
import { publishBurst } from './amqp-burst.ts';
import { ReconnectingAmqp, type AmqpSession } from './amqp-connection.ts';
import { AmqpEventInbox } from './amqp-event-inbox.ts';
import { amqpNames, declareMonitorQueue, heartbeatRoutingKey } from './amqp-topology.ts';
import type { DramatiqBroker, DramatiqBrokerListener, DramatiqMessageBurst } from './dramatiq-broker.ts';
import { dramatiqPublishOptions, dramatiqQueueDeclarations, encodeDramatiqMessage, type DramatiqNames } from './dramatiq-message.ts';
import type { BrokerDown } from './lane.ts';

/**
 * Dramatiq on RabbitMQ: messages to the queues RabbitmqBroker declares, with publisher confirms;
 * the workers' reports from the demo's events exchange into a durable inbox.
 */
export class DramatiqAmqpBroker implements DramatiqBroker {
  readonly label = 'RabbitMQ';
  private readonly amqp: ReconnectingAmqp;
  private readonly events;
  private readonly inbox = new AmqpEventInbox((message) => {
    if (message.fields.routingKey === heartbeatRoutingKey('dramatiq')) this.listener.heartbeat(message.content.toString('utf8'));
    else this.listener.events(message.content);
  });

  constructor(
    amqpUrl: string,
    namespace: string,
    private readonly names: DramatiqNames,
    private readonly listener: DramatiqBrokerListener,
  ) {
    this.events = amqpNames(namespace);
    this.amqp = new ReconnectingAmqp(amqpUrl, 'demo-dramatiq-lane', (session) => this.setup(session));
  }

  private async setup({ channel }: AmqpSession): Promise<void> {
    // Declared here too, not only by the worker: until they exist, published messages are dropped.
    for (const { queue, options } of dramatiqQueueDeclarations(this.names)) await channel.assertQueue(queue, options);
    await channel.assertExchange(this.events.events, 'topic', { durable: true });
    await this.inbox.consume(channel, await declareMonitorQueue(channel, this.events, 'dramatiq'));
  }

  start(): Promise<void> {
    return this.amqp.start();
  }

  down(): BrokerDown | undefined {
    return this.amqp.down();
  }

  async publishMessages(burst: DramatiqMessageBurst): Promise<{ accepted: number; cutShort?: Error }> {
    const session = this.amqp.ready();
    if (!session) return { accepted: 0, cutShort: new Error(this.amqp.detail()) };
    const { channel } = session;
    return publishBurst(channel, {
      job: burst.job,
      count: burst.count,
      sent: burst.sent,
      nextId: randomUUID,
      publish: (messageId, confirmed) =>
        channel.publish('', this.names.queue, encodeDramatiqMessage(burst.message(messageId)), dramatiqPublishOptions, confirmed),
      emit: burst.emit,
      guard: (work, what) => this.amqp.guard(work, what),
    });
  }

  async purge(): Promise<void> {
    const session = this.amqp.ready();
    if (!session) throw new Error(this.amqp.detail());
    const { queue, delayed, dead } = this.names;
    for (const name of [queue, delayed, dead, `${this.events.monitor}.dramatiq`]) {
      await this.amqp.guard(session.channel.purgeQueue(name), `purging ${name}`);
    }
  }

  close(): Promise<void> {
    return this.amqp.close();
  }
}
