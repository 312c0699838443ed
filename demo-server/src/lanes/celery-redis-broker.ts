import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { CeleryBroker, CeleryBrokerListener, CeleryTaskBurst } from './celery-broker.ts';
import { controlMessage, type ControlMethod, type ControlReply } from './celery-control.ts';
import type { CeleryMessage } from './celery-message.ts';
import type { CeleryNames } from './celery-topology.ts';
import { kombuBinding, kombuBodyOf, kombuEnvelope, kombuFanoutChannel, kombuQueueLists, type KombuMessage } from './kombu-redis.ts';
import type { BrokerDown } from './lane.ts';
import { redactUrl } from './redact-url.ts';
import { writeRedisBurst } from './redis-burst.ts';
import { blockingConnection, commandConnection, ConnectionWatch, firstConnection } from './redis-connection.ts';

/** How long one wait for a control reply blocks, s: the loop notices a close within this. */
const REPLY_WAIT_S = 1;

/**
 * Celery on Redis, through kombu's Redis transport as Celery's own client uses it: tasks LPUSHed
 * to the queue's list in kombu's envelope, events and control commands as PUBLISHes on the
 * fanout channels, answers to `stats` LPUSHed by the worker to a reply list bound like kombu's
 * pidbox reply queue. Redis has no inbox for events: those sent while the server is away are
 * not counted, as with Flower on Redis.
 */
export class CeleryRedisBroker implements CeleryBroker {
  readonly label = 'Redis';
  private readonly redis: Redis;
  private readonly watch: ConnectionWatch;
  private readonly subscriber: Redis;
  private readonly subscriberWatch: ConnectionWatch;
  private readonly replyReader: Redis;
  private readonly db: number;
  private readonly replies: ControlReply;
  private readonly replyQueue: string;
  private controlClock = 0;
  private closed = false;

  constructor(
    private readonly redisUrl: string,
    private readonly names: CeleryNames,
    replyTo: string,
    private readonly listener: CeleryBrokerListener,
  ) {
    this.redis = commandConnection(redisUrl, 'demo-celery-broker');
    this.watch = new ConnectionWatch(this.redis);
    this.subscriber = blockingConnection(redisUrl, 'demo-celery-events');
    this.subscriberWatch = new ConnectionWatch(this.subscriber);
    this.replyReader = blockingConnection(redisUrl, 'demo-celery-replies');
    this.replyReader.on('error', () => {});
    this.db = this.redis.options.db ?? 0;
    this.replies = { exchange: names.replies, routingKey: replyTo };
    // kombu's pidbox names the asker's reply queue `<oid>.<reply exchange>`.
    this.replyQueue = `${replyTo}.${names.replies}`;
    // A Redis that restarted empty has lost the bindings: declare them again on every connection.
    this.redis.on('ready', () => void this.declare().catch(() => {}));
    this.subscriber.on('pmessageBuffer', (_pattern: Buffer, _channel: Buffer, data: Buffer) => {
      const body = kombuBodyOf(data);
      if (body) this.listener.events(body);
    });
  }

  /** What Celery's client declares on Redis: the task queue's binding, and (as pidbox does) the reply queue's. */
  private async declare(): Promise<void> {
    const task = kombuBinding(this.names.queue, this.names.queue, this.names.queue);
    const reply = kombuBinding(this.replies.exchange, this.replies.routingKey, this.replyQueue);
    await this.redis.multi().sadd(task.key, task.member).sadd(reply.key, reply.member).exec();
    this.control('enable_events');
  }

  async start(): Promise<void> {
    // Workers publish task events as `task.multi`, `task-…`, worker events as `worker.…`: Flower's `#`, which kombu turns into `*`.
    // Not awaited: while Redis is away it waits in the offline queue, and ioredis subscribes again after every reconnect.
    this.subscriber.psubscribe(`${kombuFanoutChannel(this.db, this.names.events)}/*`).catch(() => {});
    await Promise.all([firstConnection(this.redis), firstConnection(this.subscriber)]);
    void this.readReplies();
  }

  private async readReplies(): Promise<void> {
    while (!this.closed) {
      try {
        const popped = await this.replyReader.brpopBuffer(this.replyQueue, REPLY_WAIT_S);
        const body = popped && kombuBodyOf(popped[1]);
        if (body) this.listener.statsReply(body);
      } catch {
        if (!this.closed) await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  down(): BrokerDown | undefined {
    const away = [this.watch, this.subscriberWatch].find((watch) => !watch.isUp());
    if (!away) return undefined;
    return {
      detail: `Redis at ${redactUrl(this.redisUrl)}, Celery's broker, is not answering (${away.detail()})`,
      hint: 'Start Redis: `docker compose up -d redis` (or `redis-server`), then wait a second',
    };
  }

  publishTasks(burst: CeleryTaskBurst): Promise<{ accepted: number; cutShort?: Error }> {
    const queue = this.names.queue;
    return writeRedisBurst({
      job: burst.job,
      count: burst.count,
      sent: burst.sent,
      nextId: randomUUID,
      // Through the default exchange, routed by the queue's name: kombu pushes to the queue's own list.
      write: (taskIds) => this.redis.lpush(queue, ...taskIds.map((id) => kombuEnvelope(celeryKombuMessage(burst.message(id)), '', queue))),
      emit: burst.emit,
    });
  }

  control(method: ControlMethod, destination?: string[]): void {
    if (!this.watch.isUp()) return;
    const reply = method === 'stats' ? this.replies : undefined;
    const { body, headers } = controlMessage(method, ++this.controlClock, { destination, reply });
    const envelope = kombuEnvelope({ body, headers }, this.names.pidbox, '');
    this.redis.publish(kombuFanoutChannel(this.db, this.names.pidbox), envelope).catch(() => {});
  }

  async purge(): Promise<void> {
    await this.redis.del(...kombuQueueLists(this.names.queue));
  }

  async close(): Promise<void> {
    this.closed = true;
    const reply = kombuBinding(this.replies.exchange, this.replies.routingKey, this.replyQueue);
    await this.redis.multi().srem(reply.key, reply.member).del(this.replyQueue).exec().catch(() => {});
    this.redis.disconnect();
    this.subscriber.disconnect();
    this.replyReader.disconnect();
  }
}

/** A Celery task message as Celery hands it to kombu's Redis channel: headers, body, and the properties it sets. */
export function celeryKombuMessage({ headers, properties, body }: CeleryMessage): KombuMessage {
  return {
    body,
    headers: { ...headers },
    correlationId: properties.correlationId,
    replyTo: properties.replyTo,
    priority: properties.priority,
  };
}
