/**
 * The Celery lane's enqueue rate on RabbitMQ against Redis, and Celery's own Python client
 * (`noop.apply_async()` in a loop, Debian's python3-celery) on each, taking turns in the same run.
 * Nothing consumes: what is timed is only handing the jobs to the broker. Each side gets a demo
 * server of its own (DEMO_CELERY_BROKER rabbitmq / redis) in a throwaway namespace, deleted at the end.
 *
 *   node --import tsx scripts/measure-celery-brokers.ts [--jobs 10000] [--rounds 3]
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connect } from 'amqplib';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { loadConfig, type BrokerChoice, type DemoConfig } from '../demo-server/src/config.ts';
import { celeryNames } from '../demo-server/src/lanes/celery-topology.ts';
import { kombuQueueLists } from '../demo-server/src/lanes/kombu-redis.ts';
import { startDemoServer } from '../demo-server/src/server.ts';
import { BATCH } from './bench/contender.ts';
import { postNoops } from './bench/demo-client.ts';
import { median } from './bench/stats.ts';

const { values } = parseArgs({ options: { jobs: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '3' } } });
const jobs = Number(values.jobs);
const rounds = Number(values.rounds);
const base = loadConfig(process.env);
const brokers: BrokerChoice[] = ['rabbitmq', 'redis'];

async function startServer(broker: BrokerChoice) {
  const config: DemoConfig = { ...base, port: 0, namespace: `measure-${randomUUID().slice(0, 8)}`, celeryBroker: broker, workerConcurrency: 0, logLevel: 'silent' };
  const server = await startDemoServer(config, pino({ level: 'silent' }), ['celery']);
  return { ...server, config };
}

async function startPythonProducer(broker: BrokerChoice, namespace: string) {
  const script = fileURLToPath(new URL('./bench/celery_producer.py', import.meta.url));
  const child = spawn(base.python, [script], {
    env: { ...process.env, DEMO_NAMESPACE: namespace, DEMO_CELERY_BROKER: broker, AMQP_URL: base.amqpUrl, REDIS_URL: base.redisUrl },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => JSON.parse((await lines.next()).value as string) as { start: number; end: number };
  await next();
  return {
    async rate(n: number): Promise<number> {
      child.stdin.write(`go ${n}\n`);
      const { start, end } = await next();
      return n / (end - start);
    },
    stop: () => child.kill('SIGTERM'),
  };
}

async function laneRate(url: string, n: number): Promise<number> {
  const startedAt = performance.now();
  for (let sent = 0; sent < n; sent += BATCH) await postNoops(url, 'celery', Math.min(BATCH, n - sent));
  return n / ((performance.now() - startedAt) / 1000);
}

async function cleanup(broker: BrokerChoice, namespace: string): Promise<void> {
  const names = celeryNames(namespace);
  if (broker === 'redis') {
    const redis = new Redis(base.redisUrl);
    await redis.del(...kombuQueueLists(names.queue), `_kombu.binding.${names.queue}`);
    redis.disconnect();
    return;
  }
  const connection = await connect(base.amqpUrl);
  const channel = await connection.createChannel();
  for (const queue of [names.queue, names.monitor]) await channel.deleteQueue(queue);
  for (const exchange of [names.queue, names.events, names.pidbox, names.replies]) await channel.deleteExchange(exchange);
  await connection.close();
}

const sides = await Promise.all(
  brokers.map(async (broker) => {
    const server = await startServer(broker);
    return { broker, server, python: await startPythonProducer(broker, server.config.namespace), lane: [] as number[], py: [] as number[] };
  }),
);
try {
  for (const side of sides) {
    await laneRate(side.server.url, 500);
    await side.python.rate(500);
  }
  for (let round = 1; round <= rounds; round++) {
    for (const side of sides) {
      side.lane.push(await laneRate(side.server.url, jobs));
      side.py.push(await side.python.rate(jobs));
      console.log(`round ${round} ${side.broker}: lane ${side.lane.at(-1)!.toFixed(0)} jobs/s, Python apply_async ${side.py.at(-1)!.toFixed(0)} jobs/s`);
    }
  }
  console.log(`\nmedian of ${rounds} rounds of ${jobs} noop, jobs/s handed to the broker:`);
  for (const { broker, lane, py } of sides) {
    console.log(`  ${broker.padEnd(8)} celery lane (POST /api/jobs x${BATCH}) ${median(lane).toFixed(0).padStart(6)}   Python noop.apply_async() ${median(py).toFixed(0).padStart(6)}`);
  }
} finally {
  for (const { broker, server, python } of sides) {
    python.stop();
    await server.stop();
    await cleanup(broker, server.config.namespace);
  }
}
