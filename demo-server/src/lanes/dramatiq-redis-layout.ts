import { randomUUID } from 'node:crypto';
import type { DramatiqMessage } from './dramatiq-message.ts';

/**
 * Dramatiq's RedisBroker layout, as Dramatiq 2.2.0 writes it (dramatiq/brokers/redis.py and
 * brokers/redis/dispatch.lua, tag v2.2.0, commit 5a1f74eabe3a4c5ddd54a78611d8da34e4013249): under its
 * namespace (`dramatiq` by default), a queue is a list of Redis message ids plus a hash of those
 * ids to encoded messages; retries wait in the `.DQ` queue, dead letters in the `.XQ` sorted set.
 * Byte-checked against Dramatiq's own output in test/integration/dramatiq-redis.test.ts.
 */

/** RedisBroker's default `namespace`, the prefix of all its keys. */
export const DRAMATIQ_REDIS_NAMESPACE = 'dramatiq';

export function dramatiqRedisKeys(queue: string, namespace = DRAMATIQ_REDIS_NAMESPACE) {
  const full = `${namespace}:${queue}`;
  return {
    queue: full,
    messages: `${full}.msgs`,
    delayed: `${full}.DQ`,
    delayedMessages: `${full}.DQ.msgs`,
    dead: `${full}.XQ`,
    deadMessages: `${full}.XQ.msgs`,
    /** Every dispatch call stamps its broker's id here; workers' maintenance requeues the unacked messages of the silent ones. */
    heartbeats: `${namespace}:__heartbeats__`,
  } as const;
}
export type DramatiqRedisKeys = ReturnType<typeof dramatiqRedisKeys>;

/**
 * `RedisBroker.enqueue` copies the message with a fresh `redis_message_id` option, "since messages
 * may be retried": that id, not the message id, is what the queue's list and hash hold.
 */
export function withRedisMessageId(message: DramatiqMessage, redisMessageId: string = randomUUID()): DramatiqMessage {
  return { ...message, options: { ...message.options, redis_message_id: redisMessageId } };
}
