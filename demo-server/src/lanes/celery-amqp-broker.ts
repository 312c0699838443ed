import { randomUUID } from 'node:crypto';
import { publishBurst } from './amqp-burst.ts';
import { ReconnectingAmqp, type AmqpSession } from './amqp-connection.ts';
import type { CeleryBroker, CeleryBrokerListener, CeleryTaskBurst } from './celery-broker.ts';
import { controlCommand, type ControlMethod, type ControlReply } from './celery-control.ts';
import { celeryAmqpHeaders } from './celery-message.ts';
import { declareCeleryMonitorQueue, declareCeleryTopology, type CeleryNames } from './celery-topology.ts';
import type { BrokerDown } from './lane.ts';

/**
 * Celery on RabbitMQ: tasks through the default exchange to the durable task queue with
 * publisher confirms, events from the `celeryev` topic exchange into a durable inbox, control
 * commands to the pidbox fanout exchange, answers on an exclusive queue of the reply exchange.
 */
export class CeleryAmqpBroker implements CeleryBroker {
  readonly label = 'RabbitMQ';
  private readonly amqp: ReconnectingAmqp;
  private readonly replies: ControlReply;
  private controlClock = 0;

  constructor(
    amqpUrl: string,
    private readonly names: CeleryNames,
    replyTo: string,
    private readonly listener: CeleryBrokerListener,
  ) {
    this.replies = { exchange: names.replies, routingKey: replyTo };
    this.amqp = new ReconnectingAmqp(amqpUrl, 'demo-celery-lane', (session) => this.setup(session));
  }

  private async setup({ channel }: AmqpSession): Promise<void> {
    await declareCeleryTopology(channel, this.names);
    const inbox = await declareCeleryMonitorQueue(channel, this.names);
    await channel.consume(inbox, (message) => message && this.listener.events(message.content), { noAck: true });
    const { queue: replies } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(replies, this.replies.exchange, this.replies.routingKey);
    await channel.consume(replies, (message) => message && this.listener.statsReply(message.content), { noAck: true });
    this.publishControl(channel, 'enable_events');
  }

  start(): Promise<void> {
    return this.amqp.start();
  }

  down(): BrokerDown | undefined {
    return this.amqp.down();
  }

  async publishTasks(burst: CeleryTaskBurst): Promise<{ accepted: number; cutShort?: Error }> {
    const session = this.amqp.ready();
    if (!session) return { accepted: 0, cutShort: new Error(this.amqp.detail()) };
    const { channel } = session;
    return publishBurst(channel, {
      job: burst.job,
      count: burst.count,
      sent: burst.sent,
      nextId: randomUUID,
      publish: (taskId, confirmed) => {
        const { headers, properties, body } = burst.message(taskId);
        return channel.publish('', this.names.queue, body, { ...properties, headers: celeryAmqpHeaders(headers) }, confirmed);
      },
      emit: burst.emit,
      guard: (work, what) => this.amqp.guard(work, what),
    });
  }

  control(method: ControlMethod, destination?: string[]): void {
    const session = this.amqp.ready();
    if (session) this.publishControl(session.channel, method, destination);
  }

  private publishControl(channel: AmqpSession['channel'], method: ControlMethod, destination?: string[]): void {
    const reply = method === 'stats' ? this.replies : undefined;
    const { body, options } = controlCommand(method, ++this.controlClock, { destination, reply });
    channel.publish(this.names.pidbox, '', body, options);
  }

  async purge(): Promise<void> {
    const session = this.amqp.ready();
    if (!session) throw new Error(this.amqp.detail());
    for (const queue of [this.names.queue, this.names.monitor]) await this.amqp.guard(session.channel.purgeQueue(queue), `purging ${queue}`);
  }

  close(): Promise<void> {
    return this.amqp.close();
  }
}
