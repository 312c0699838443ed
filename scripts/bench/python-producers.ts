import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { connect } from 'amqplib';
import { BATCH } from './contender.ts';
import { postNoops, type DemoWatcher } from './demo-client.ts';
import type { Measurement } from './goals.ts';
import { count } from './plan.ts';
import { median } from './stats.ts';

/** Completions of a framework's jobs as its own reports tell, whoever sent them (the server counts only its own). */
export interface CompletionCounter {
  count(): number;
  waitFor(total: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A Python framework as the bench compares it: its lane, its own client in a loop, how its completions are heard. */
export interface PythonFramework {
  lane: 'celery' | 'dramatiq';
  /** Python script reading `go N` lines on stdin, answering each with `{"start", "end"}` epoch seconds of its send loop. */
  producerScript: string;
  /** What the Python side does, for the row's name. */
  producerCall: string;
  /** More environment for the Python producer. */
  producerEnv?: NodeJS.ProcessEnv;
  completions(amqpUrl: string, namespace: string): Promise<CompletionCounter>;
}

export interface PythonProducersPlan {
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
 * Our TypeScript producer (the framework's lane, through `POST /api/jobs`) against the framework's own
 * Python client, turn about, into the same queue, consumed by the same worker (the one the server starts).
 * The producer rate is each side's own: jobs / time to hand them all to the broker. End to end is until
 * the framework's own reports say all are done.
 */
export async function measurePythonProducers(framework: PythonFramework, plan: PythonProducersPlan): Promise<Measurement[]> {
  const { url, watcher, jobs, rounds, log } = plan;
  const { lane } = framework;
  const python = await startPythonProducer(framework, plan);
  const completed = await framework.completions(plan.amqpUrl, plan.namespace);
  try {
    const tsRound = async (n: number) => {
      const target = completed.count() + n;
      const startedAt = Date.now();
      for (let sent = 0; sent < n; sent += BATCH) await postNoops(url, lane, Math.min(BATCH, n - sent));
      const producedAt = Date.now();
      await completed.waitFor(target);
      return { produce: (producedAt - startedAt) / 1000, endToEnd: (Date.now() - startedAt) / 1000 };
    };
    const pyRound = async (n: number) => {
      const target = completed.count() + n;
      const { start, end } = await python.send(n);
      await completed.waitFor(target);
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
        `  ${lane} round ${round}/${rounds}: produce TS ${(jobs / a.produce).toFixed(0)} jobs/s, Python ${(jobs / b.produce).toFixed(0)} jobs/s; ` +
          `end to end TS ${(jobs / a.endToEnd).toFixed(0)} jobs/s, Python ${(jobs / b.endToEnd).toFixed(0)} jobs/s`,
      );
    }
    return [
      {
        name: `${lane} producer (${count(jobs)} noop): TS lane vs Python${framework.producerCall ? ` ${framework.producerCall}` : ''}`,
        value: median(ts.produce),
        unit: 'jobs/s',
        raw: median(py.produce),
        goal: { kind: 'ratio-at-least', ratio: 0.9 },
      },
      {
        name: `${lane} end to end (${count(jobs)} noop, c=${watcher.workers(lane)[0]?.concurrency ?? '?'})${framework.producerCall ? `: ${framework.producerCall}` : ''}`,
        value: median(ts.endToEnd),
        unit: 'jobs/s',
        raw: median(py.endToEnd),
        goal: { kind: 'none' },
      },
    ];
  } finally {
    python.stop();
    await completed.close();
  }
}

async function startPythonProducer(framework: PythonFramework, plan: PythonProducersPlan) {
  const script = framework.producerScript;
  const child: ChildProcessWithoutNullStreams = spawn(plan.python, [script], {
    env: { ...process.env, ...framework.producerEnv, DEMO_NAMESPACE: plan.namespace, AMQP_URL: plan.amqpUrl, REDIS_URL: plan.redisUrl },
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk).slice(-4000)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<any> => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`the Python producer ${script} stopped: ${errors}`);
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

/**
 * Counts completions in the messages an exchange routes to a queue of the bench's own (exclusive, gone
 * with the connection): `completedIn` says how many a message reports. Resolves `waitFor` at a total.
 */
export async function countFromExchange(
  amqpUrl: string,
  exchange: string,
  routingKey: string,
  completedIn: (content: Buffer) => number,
  what: string,
): Promise<CompletionCounter> {
  const connection = await connect(amqpUrl, { noDelay: true });
  const channel = await connection.createChannel();
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, exchange, routingKey);
  let done = 0;
  let waiter: { total: number; resolve: () => void } | null = null;
  await channel.consume(
    queue,
    (message) => {
      if (!message) return;
      done += completedIn(message.content);
      if (waiter && done >= waiter.total) waiter.resolve();
    },
    { noAck: true },
  );
  return {
    count: () => done,
    waitFor(total: number, timeoutMs = 600_000): Promise<void> {
      if (done >= total) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${done} of ${total} ${what} after ${timeoutMs} ms`)), timeoutMs);
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
