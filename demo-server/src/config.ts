import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';

/** The project's own Python, made by `npm start` (scripts/python-env.mjs) with the workers' requirements. */
export const projectVenvPython = fileURLToPath(new URL('../../.venv/bin/python', import.meta.url));

/** .venv's Python once it exists; before that Debian's, where python3-celery is. */
function defaultPython(): string {
  return existsSync(projectVenvPython) ? projectVenvPython : '/usr/bin/python3';
}

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  REDIS_URL: z.string().min(1).default('redis://127.0.0.1:6379'),
  AMQP_URL: z.string().min(1).default('amqp://guest:guest@127.0.0.1:5672'),
  /** Prefix of every queue, key and exchange the demo creates, so tests and talks never share one. */
  DEMO_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, - and _ only')
    .default('demo'),
  /**
   * Which broker carries the Celery lane's tasks and events (Redis is its result backend either way).
   * Not CELERY_BROKER: Celery's command line reads that one as its --broker URL.
   */
  DEMO_CELERY_BROKER: z.enum(['rabbitmq', 'redis']).default('rabbitmq'),
  /** Which broker carries the Dramatiq lane's messages and its workers' reports. */
  DEMO_DRAMATIQ_BROKER: z.enum(['rabbitmq', 'redis']).default('rabbitmq'),
  /** The Python that runs the Celery and Dramatiq workers the server starts. */
  PYTHON: z.string().min(1).default(defaultPython),
  /** Concurrency of the worker the server starts per broker lane; 0 starts none. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(0).max(1000).default(8),
  /** Requests to the API per client IP per minute. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Where the built deck is served from. */
  DECK_DIR: z.string().default('dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** A Python framework's broker: the worker reads the same variable, so both sides agree. */
export type BrokerChoice = 'rabbitmq' | 'redis';

export interface DemoConfig {
  port: number;
  host: string;
  redisUrl: string;
  amqpUrl: string;
  namespace: string;
  celeryBroker: BrokerChoice;
  dramatiqBroker: BrokerChoice;
  python: string;
  workerConcurrency: number;
  rateLimitPerMinute: number;
  deckDir: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
}

/** Reads the environment once at start; a bad value stops the server with what to fix. */
export function loadConfig(env: NodeJS.ProcessEnv): DemoConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    redisUrl: c.REDIS_URL,
    amqpUrl: c.AMQP_URL,
    namespace: c.DEMO_NAMESPACE,
    celeryBroker: c.DEMO_CELERY_BROKER,
    dramatiqBroker: c.DEMO_DRAMATIQ_BROKER,
    python: c.PYTHON,
    workerConcurrency: c.WORKER_CONCURRENCY,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    deckDir: c.DECK_DIR,
    logLevel: c.LOG_LEVEL,
  };
}
