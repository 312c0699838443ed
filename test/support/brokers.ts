import { Redis } from 'ioredis';
import { connect } from 'amqplib';
import { amqpNames } from '../../demo-server/src/lanes/amqp-topology.ts';
import { celeryNames } from '../../demo-server/src/lanes/celery-topology.ts';
import { dramatiqNames } from '../../demo-server/src/lanes/dramatiq-message.ts';

/**
 * Fails at once, with the command that starts it, when the shared Redis is away:
 * a broker test never skips silently.
 */
export async function requireRedis(url = 'redis://127.0.0.1:6379'): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch {
    throw new Error(
      `Redis is not answering at ${url}. Start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`,
    );
  } finally {
    redis.disconnect();
  }
}

/** Removes every key a test's namespace left in Redis. */
export async function deleteNamespace(namespace: string, url = 'redis://127.0.0.1:6379'): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${namespace}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Removes every Redis key whose name holds the namespace anywhere: what the Celery and Dramatiq
 * lanes leave when their broker is Redis (`<ns>.celery`, `_kombu.binding.<ns>.celery`, `dramatiq:<ns>.dramatiq.msgs`...).
 */
export async function deleteRedisKeysMentioning(namespace: string, url = 'redis://127.0.0.1:6379'): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `*${namespace}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export async function requireRabbitmq(url = 'amqp://guest:guest@127.0.0.1:5672'): Promise<void> {
  try {
    const connection = await connect(url);
    await connection.close();
  } catch {
    throw new Error(`RabbitMQ is not answering at ${url}. Start it: rabbitmq-server -detached`);
  }
}

/** Deletes the queues and exchanges a test's namespace declared on RabbitMQ, for every lane. */
export async function purgeAmqpNamespace(namespace: string, url = 'amqp://guest:guest@127.0.0.1:5672'): Promise<void> {
  const names = amqpNames(namespace);
  const connection = await connect(url);
  try {
    const channel = await connection.createChannel();
    const celery = celeryNames(namespace);
    const dramatiq = dramatiqNames(namespace);
    const queues = [
      ...[names.jobs, names.retry, names.dead, `${names.monitor}.rabbitmq`],
      ...[celery.queue, celery.monitor],
      ...[dramatiq.queue, dramatiq.delayed, dramatiq.dead, `${names.monitor}.dramatiq`],
    ];
    for (const queue of queues) await channel.deleteQueue(queue);
    const exchanges = [names.deadLetterExchange, names.events, celery.queue, celery.events, celery.pidbox, celery.replies];
    for (const exchange of exchanges) await channel.deleteExchange(exchange);
  } finally {
    await connection.close();
  }
}
