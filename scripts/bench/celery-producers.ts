import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { connect } from 'amqplib';
import { decodeCeleryEvents } from '../../demo-server/src/lanes/celery-events.ts';
import { celeryNames } from '../../demo-server/src/lanes/celery-topology.ts';
import { BATCH } from './contender.ts';
import { postNoops, type DemoWatcher } from './demo-client.ts';
import type { Measurement } from './goals.ts';
import { count } from './plan.ts';
import { median } from './stats.ts';

const pythonProducer = fileURLToPath(new URL('./celery_producer.py', import.meta.url));

export interface CeleryPlan {
  url: string;
  watcher: DemoWatcher;
  namespace: string;
  amqpUrl: string;
  redisUrl: string;
  python: string;
  jobs: number;
  rounds: number;
  log: (line: string) => void;
}

/**
 * Our TypeScript producer (the Celery lane, through `POST /api/jobs`) against Celery's own
 * Python client, turn about, into the same queue, consumed by the same Celery worker (the one the
 * server starts). The producer rate is each side's own: jobs / time to hand them all to the
 * broker. End to end is until Celery's own `task-succeeded` events, read here as Flower reads
 * them, say all are done (the server counts only the tasks it sent itself).
 */
export async function measureCelery(plan: CeleryPlan): Promise<Measurement[]> {
  const { url, watcher, jobs, rounds, log } = plan;
  const python = await startPythonProducer(plan);
  const succeeded = await countSucceeded(plan.amqpUrl, plan.namespace);
  try {
    const tsRound = async (n: number) => {
      const target = succeeded.count() + n;
      const startedAt = Date.now();
      for (let sent = 0; sent < n; sent += BATCH) await postNoops(url, 'celery', Math.min(BATCH, n - sent));
      const producedAt = Date.now();
      await succeeded.waitFor(target);
      return { produce: (producedAt - startedAt) / 1000, endToEnd: (Date.now() - startedAt) / 1000 };
    };
    const pyRound = async (n: number) => {
      const target = succeeded.count() + n;
      const { start, end } = await python.send(n);
      await succeeded.waitFor(target);
      return { produce: end - start, endToEnd: Date.now() / 1000 - start };
    };
    const warmup = Math.min(500, Math.ceil(jobs / 10));
    await tsRound(warmup);
    await pyRound(warmup);
    const ts = { produce: [] as number[], endToEnd: [] as number[] };
    const py = { produce: [] as number[], endToEnd: [] as number[] };
    for (let round = 1; round <= rounds; round++) {
      const a = await tsRound(jobs);
      const b = await pyRound(jobs);
      ts.produce.push(jobs / a.produce);
      ts.endToEnd.push(jobs / a.endToEnd);
      py.produce.push(jobs / b.produce);
      py.endToEnd.push(jobs / b.endToEnd);
      log(
        `  celery round ${round}/${rounds}: produce TS ${(jobs / a.produce).toFixed(0)} jobs/s, Python ${(jobs / b.produce).toFixed(0)} jobs/s; ` +
          `end to end TS ${(jobs / a.endToEnd).toFixed(0)} jobs/s, Python ${(jobs / b.endToEnd).toFixed(0)} jobs/s`,
      );
    }
    return [
      {
        name: `celery producer (${count(jobs)} noop): TS lane vs Python`,
        value: median(ts.produce),
        unit: 'jobs/s',
        raw: median(py.produce),
        goal: { kind: 'ratio-at-least', ratio: 0.9 },
      },
      {
        name: `celery end to end (${count(jobs)} noop, c=${plan.watcher.workers('celery')[0]?.concurrency ?? '?'})`,
        value: median(ts.endToEnd),
        unit: 'jobs/s',
        raw: median(py.endToEnd),
        goal: { kind: 'none' },
      },
    ];
  } finally {
    python.stop();
    await succeeded.close();
  }
}

/** Counts Celery's `task-succeeded` events on the app's event exchange, from a queue of its own. */
async function countSucceeded(amqpUrl: string, namespace: string) {
  const connection = await connect(amqpUrl, { noDelay: true });
  const channel = await connection.createChannel();
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, celeryNames(namespace).events, 'task.#');
  let succeeded = 0;
  let waiter: { total: number; resolve: () => void } | null = null;
  await channel.consume(
    queue,
    (message) => {
      if (!message) return;
      for (const event of decodeCeleryEvents(message.content)) if (event.type === 'task-succeeded') succeeded++;
      if (waiter && succeeded >= waiter.total) waiter.resolve();
    },
    { noAck: true },
  );
  return {
    count: () => succeeded,
    waitFor(total: number, timeoutMs = 600_000): Promise<void> {
      if (succeeded >= total) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${succeeded} of ${total} Celery tasks succeeded after ${timeoutMs} ms`)), timeoutMs);
        waiter = {
          total,
          resolve: () => {
            clearTimeout(timer);
            waiter = null;
            resolve();
          },
        };
      });
    },
    close: () => connection.close(),
  };
}

async function startPythonProducer(plan: CeleryPlan) {
  const child: ChildProcessWithoutNullStreams = spawn(plan.python, [pythonProducer], {
    env: { ...process.env, DEMO_NAMESPACE: plan.namespace, AMQP_URL: plan.amqpUrl, REDIS_URL: plan.redisUrl },
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk).slice(-4000)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<any> => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`the Python Celery producer stopped: ${errors}`);
    return JSON.parse(value);
  };
  await nextLine();
  return {
    async send(n: number): Promise<{ start: number; end: number }> {
      child.stdin.write(`go ${n}\n`);
      return nextLine();
    },
    stop() {
      child.stdin.end();
      child.kill('SIGTERM');
    },
  };
}
