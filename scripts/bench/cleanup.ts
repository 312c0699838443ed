import { connect } from 'amqplib';
import { Redis } from 'ioredis';
import { amqpNames } from '../../demo-server/src/lanes/amqp-topology.ts';
import { celeryNames } from '../../demo-server/src/lanes/celery-topology.ts';

/** Deletes every Redis key under `prefix:` (a BullMQ prefix or the demo's namespace). */
export async function deleteRedisPrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** Deletes the queues and exchanges a namespace declared on RabbitMQ: the RabbitMQ and Celery lanes' topologies. */
export async function deleteAmqpNamespace(amqpUrl: string, namespace: string): Promise<void> {
  const names = amqpNames(namespace);
  const celery = celeryNames(namespace);
  // Dramatiq's queues follow its own naming: <queue>, <queue>.DQ (delayed), <queue>.XQ (dead).
  const dramatiq = `${namespace}.dramatiq`;
  const queues = [
    names.jobs,
    names.retry,
    names.dead,
    ...['rabbitmq', 'dramatiq'].map((lane) => `${names.monitor}.${lane}`),
    celery.queue,
    celery.monitor,
    dramatiq,
    `${dramatiq}.DQ`,
    `${dramatiq}.XQ`,
  ];
  const exchanges = [names.deadLetterExchange, names.events, celery.queue, celery.events, celery.pidbox, celery.replies];
  const connection = await connect(amqpUrl);
  try {
    // Deleting what does not exist is fine in AMQP 0-9-1 (RabbitMQ answers ok).
    const channel = await connection.createChannel();
    for (const queue of queues) await channel.deleteQueue(queue);
    for (const exchange of exchanges) await channel.deleteExchange(exchange);
  } finally {
    await connection.close();
  }
}

/** Fails at once, with the command that starts it, when a broker the bench needs is away. */
export async function requireBrokers(redisUrl: string, amqpUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch {
    throw new Error(`Redis is not answering at ${redisUrl}. Start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`);
  } finally {
    redis.disconnect();
  }
  try {
    await (await connect(amqpUrl)).close();
  } catch {
    throw new Error(`RabbitMQ is not answering at ${amqpUrl}. Start it: rabbitmq-server -detached`);
  }
}
