import { Redis, type RedisOptions } from 'ioredis';
import { BROKER_CALL_TIMEOUT_MS } from './broker-deadline.ts';

/** Reconnect quickly and forever: a broker that returns must be followed without a restart. */
const retryStrategy = (times: number) => Math.min(100 * times, 1_000);

/**
 * Commands issued while Redis is away fail at once rather than piling up in memory, and a Redis
 * that stops answering (paused, or busy with a long script) fails them after a few seconds.
 */
export function commandConnection(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    retryStrategy,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: BROKER_CALL_TIMEOUT_MS,
  } satisfies RedisOptions);
}

/** For blocking reads and subscriptions, which BullMQ requires to retry forever. */
export function blockingConnection(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    retryStrategy,
    maxRetriesPerRequest: null,
    connectTimeout: 2_000,
  } satisfies RedisOptions);
}

/** Whether a connection can be used now, and the last error in words when it cannot. */
export class ConnectionWatch {
  private lastError = '';

  constructor(private readonly redis: Redis) {
    redis.on('error', (error: Error) => {
      this.lastError = error.message;
    });
  }

  isUp(): boolean {
    return this.redis.status === 'ready';
  }

  detail(): string {
    return this.lastError || `connection ${this.redis.status}`;
  }
}

/** Gives Redis a moment at start, so a broker that is up is not reported down for its first second. */
export async function firstConnection(redis: Redis, timeoutMs = 1_500): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
