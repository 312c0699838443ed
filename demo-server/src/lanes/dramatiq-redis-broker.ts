import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { heartbeatRoutingKey } from './amqp-topology.ts';
import type { DramatiqBroker, DramatiqBrokerListener, DramatiqMessageBurst } from './dramatiq-broker.ts';
import { encodeDramatiqMessage, type DramatiqNames } from './dramatiq-message.ts';
import { dramatiqRedisKeys, withRedisMessageId } from './dramatiq-redis-layout.ts';
import type { BrokerDown } from './lane.ts';
import { redactUrl } from './redact-url.ts';
import { writeRedisBurst } from './redis-burst.ts';
import { blockingConnection, commandConnection, ConnectionWatch, firstConnection } from './redis-connection.ts';
import { redisEventFields, redisEventStream } from './redis-events.ts';

/** How long one read of the workers' reports blocks, ms: the loop notices a close within this. */
const READ_BLOCK_MS = 1_000;
const READ_COUNT = 1_000;

/**
 * Dramatiq on Redis: messages written as RedisBroker's `enqueue` command writes them (a hash entry
 * and a list push, with the broker's heartbeat, in one transaction as in its Lua script); the
 * workers' reports read from the demo's stream on the same Redis. No RabbitMQ involved.
 */
export class DramatiqRedisBroker implements DramatiqBroker {
  readonly label = 'Redis';
  private readonly redis: Redis;
  private readonly watch: ConnectionWatch;
  private readonly reader: Redis;
  private readonly readerWatch: ConnectionWatch;
  private readonly keys;
  private readonly stream: string;
  /** Dramatiq's `broker_id`: each producer stamps its own in the heartbeats set. */
  readonly brokerId = randomUUID();
  /** The last entry read, so that after a reconnect reading goes on from there; unknown until the first read. */
  private lastEntry: string | undefined;
  private closed = false;

  constructor(
    private readonly redisUrl: string,
    namespace: string,
    names: DramatiqNames,
    private readonly listener: DramatiqBrokerListener,
  ) {
    this.keys = dramatiqRedisKeys(names.queue);
    this.stream = redisEventStream(namespace);
    this.redis = commandConnection(redisUrl, 'demo-dramatiq-broker');
    this.watch = new ConnectionWatch(this.redis);
    this.reader = blockingConnection(redisUrl, 'demo-dramatiq-reports');
    this.readerWatch = new ConnectionWatch(this.reader);
  }

  async start(): Promise<void> {
    await Promise.all([firstConnection(this.redis), firstConnection(this.reader)]);
    void this.readReports();
  }

  private async readReports(): Promise<void> {
    while (!this.closed) {
      try {
        // Reports from before this server started are not its business; from then on, none is missed.
        this.lastEntry ??= (await this.reader.xrevrange(this.stream, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
        const read = await this.reader.xreadBuffer('COUNT', READ_COUNT, 'BLOCK', READ_BLOCK_MS, 'STREAMS', this.stream, this.lastEntry);
        for (const [, entries] of read ?? []) {
          for (const [id, fields] of entries) {
            this.lastEntry = id.toString();
            this.receive(fields);
          }
        }
      } catch {
        if (!this.closed) await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  private receive(fields: Buffer[]): void {
    let key: string | undefined;
    let body: Buffer | undefined;
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const name = fields[i]!.toString();
      if (name === redisEventFields.key) key = fields[i + 1]!.toString();
      else if (name === redisEventFields.body) body = fields[i + 1];
    }
    if (key === undefined || body === undefined) return;
    if (key === heartbeatRoutingKey('dramatiq')) this.listener.heartbeat(body.toString('utf8'));
    else this.listener.events(body);
  }

  down(): BrokerDown | undefined {
    const away = [this.watch, this.readerWatch].find((watch) => !watch.isUp());
    if (!away) return undefined;
    return {
      detail: `Redis at ${redactUrl(this.redisUrl)}, Dramatiq's broker, is not answering (${away.detail()})`,
      hint: 'Start Redis: `docker compose up -d redis` (or `redis-server`), then wait a second',
    };
  }

  publishMessages(burst: DramatiqMessageBurst): Promise<{ accepted: number; cutShort?: Error }> {
    return writeRedisBurst({
      job: burst.job,
      count: burst.count,
      sent: burst.sent,
      nextId: randomUUID,
      write: async (messageIds) => {
        const redisIds: string[] = [];
        const hash: string[] = [];
        for (const messageId of messageIds) {
          const message = withRedisMessageId(burst.message(messageId));
          const redisId = message.options.redis_message_id!;
          redisIds.push(redisId);
          hash.push(redisId, encodeDramatiqMessage(message).toString('utf8'));
        }
        // dispatch.lua's `enqueue`, once per message there, once per slice here: the same keys, atomically.
        const results = await this.redis
          .multi()
          .zadd(this.keys.heartbeats, Date.now(), this.brokerId)
          .hset(this.keys.messages, ...hash)
          .rpush(this.keys.queue, ...redisIds)
          .exec();
        const failed = results?.find(([error]) => error);
        if (!results || failed) throw failed?.[0] ?? new Error('transaction aborted');
      },
      emit: burst.emit,
    });
  }

  async purge(): Promise<void> {
    const { queue, messages, delayed, delayedMessages, dead, deadMessages } = this.keys;
    await this.redis.del(queue, messages, delayed, delayedMessages, dead, deadMessages);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.redis.disconnect();
    this.reader.disconnect();
  }
}
