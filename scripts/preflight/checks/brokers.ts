import { connect, type ChannelModel } from 'amqplib';
import { Redis } from 'ioredis';
import { fail, ok, type Check, type CheckResult } from '../check.ts';

/** A broker that is down refuses at once; this is for one that answers slowly, on a machine busy with other work. */
const CONNECT_TIMEOUT_MS = 10_000;

/** host:port of a broker URL, never its credentials. */
export function brokerAddress(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return 'the configured address';
  }
}

export const redisCheck: Check = {
  id: 'redis',
  async run({ config }) {
    const at = brokerAddress(config.redisUrl);
    const redis = new Redis(config.redisUrl, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, connectTimeout: CONNECT_TIMEOUT_MS });
    // connect() rejects with "Connection is closed"; the reason (ECONNREFUSED, a bad password) comes as an event.
    let reason = '';
    redis.on('error', (error: Error) => {
      reason ||= error.message;
    });
    try {
      await redis.connect();
      const version = /^redis_version:(\S+)/m.exec(await redis.info('server'))?.[1] ?? 'unknown version';
      return ok('redis', `Redis ${version} at ${at}: the BullMQ lane and the result stores`);
    } catch (error) {
      return fail('redis', `Redis does not answer at ${at} (${reason || (error as Error).message})`, 'redis-server --daemonize yes  (or: docker compose up -d redis)');
    } finally {
      redis.disconnect();
    }
  },
};

/** What Celery 5.2 to 5.5 ask of RabbitMQ and RabbitMQ 4.3 denies by default: refused here means Celery's worker never starts. */
export const celeryNeedsFromRabbitmq = [
  { feature: 'global_qos', what: 'basic.qos with global=true' },
  { feature: 'transient_nonexcl_queues', what: 'a transient non-exclusive queue' },
] as const;

export const rabbitmqConfFix =
  'add to rabbitmq.conf, then restart RabbitMQ: deprecated_features.permit.global_qos = true and deprecated_features.permit.transient_nonexcl_queues = true  (README, "Celery on RabbitMQ 4")';

/** Asks the broker for one of the deprecated features on a connection of its own: a refusal may close the whole connection. */
async function permits(url: string, feature: (typeof celeryNeedsFromRabbitmq)[number]['feature']): Promise<true | string> {
  let model: ChannelModel | undefined;
  try {
    model = await connect(url, { timeout: CONNECT_TIMEOUT_MS });
    model.on('error', () => {});
    const channel = await model.createChannel();
    channel.on('error', () => {});
    if (feature === 'global_qos') {
      await channel.prefetch(1, true);
    } else {
      const { queue } = await channel.assertQueue('', { durable: false, exclusive: false, autoDelete: true });
      await channel.deleteQueue(queue);
    }
    return true;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await model?.close().catch(() => {});
  }
}

export const rabbitmqCheck: Check = {
  id: 'rabbitmq',
  async run({ config }) {
    const at = brokerAddress(config.amqpUrl);
    let version: string;
    try {
      const model = await connect(config.amqpUrl, { timeout: CONNECT_TIMEOUT_MS });
      model.on('error', () => {});
      const properties = (model.connection as unknown as { serverProperties?: { version?: unknown } }).serverProperties;
      version = String(properties?.version ?? 'unknown version');
      await model.close().catch(() => {});
    } catch (error) {
      return fail('rabbitmq', `RabbitMQ does not answer at ${at} (${(error as Error).message})`, 'rabbitmq-server -detached  (or: docker compose up -d rabbitmq)');
    }
    const results: CheckResult[] = [ok('rabbitmq', `RabbitMQ ${version} at ${at}: the RabbitMQ lane, and Celery's and Dramatiq's broker`)];
    if (config.celeryBroker === 'rabbitmq') {
      const answers = await Promise.all(celeryNeedsFromRabbitmq.map(async (need) => ({ need, answer: await permits(config.amqpUrl, need.feature) })));
      const refused = answers.filter(({ answer }) => answer !== true).map(({ need, answer }) => `${need.what} (${answer})`);
      results.push(
        refused.length === 0
          ? ok('rabbitmq-celery', `RabbitMQ ${version} allows what Celery 5.2–5.5 asks for (global QoS, transient queues)`)
          : fail('rabbitmq-celery', `RabbitMQ ${version} refuses ${refused.join(' and ')}: Celery 5.2–5.5 cannot start on it`, rabbitmqConfFix),
      );
    }
    return results;
  },
};
