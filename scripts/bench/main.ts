// npm run bench [-- --quick] [-- --cpu-prof] [-- --only throughput,latency,ws,celery,dramatiq,rss,deck]
// Every lane end to end through the demo server against its raw library, in one run.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../demo-server/src/config.ts';
import { celeryFramework } from './celery-producers.ts';
import { dramatiqFrameworks } from './dramatiq-producers.ts';
import { deleteAmqpNamespace, deleteRedisPrefix, requireBrokers } from './cleanup.ts';
import { measureDeck } from './deck-timing.ts';
import { DemoWatcher, getHealth } from './demo-client.ts';
import type { Measurement } from './goals.ts';
import { laneContender, waitForLaneWorker } from './lane-rounds.ts';
import { measureLatency } from './latency.ts';
import { measurePythonProducers, type PythonFramework } from './python-producers.ts';
import { count, fullPlan, quickPlan } from './plan.ts';
import { rawAmqpContender } from './raw-amqp.ts';
import { rawBullmqContender } from './raw-bullmq.ts';
import { startRawWorker } from './raw-worker-process.ts';
import { findPid } from './proc.ts';
import { buildResults, describeMachine, writeReport } from './report.ts';
import { measureRss } from './rss.ts';
import { repoRoot, startServerProcess } from './server-process.ts';
import { measureThroughput } from './throughput.ts';
import { measureFanout } from './ws-fanout.ts';

const phases = ['throughput', 'latency', 'ws', 'celery', 'dramatiq', 'rss', 'deck'] as const;
type Phase = (typeof phases)[number];

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const selected = new Set<Phase>((flags.only?.split(',') ?? phases).map((p) => p.trim() as Phase));
for (const phase of selected) {
  if (!phases.includes(phase)) {
    console.error(`Unknown phase "${phase}". Phases: ${phases.join(', ')}.`);
    process.exit(2);
  }
}
const plan = flags.quick ? quickPlan : fullPlan;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
// The Python of the server's workers (.venv's once `npm start` or `npm test` made it), for the frameworks' own producers.
const python = loadConfig(process.env).python;
const runId = randomUUID().slice(0, 8);
const namespace = `bench-${runId}`;
const rawNamespace = `${namespace}-raw`;
const rssNamespace = `${namespace}-rss`;
const scratch = path.join(repoRoot, 'tmp/bench');
const profileDir = flags['cpu-prof'] ? path.join(scratch, 'profiles') : undefined;
const log = (line: string) => console.log(line);
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;

/** Processes and connections to close (after each phase group), then namespaces to delete (at the end). */
const cleanups: Array<() => Promise<unknown>> = [];
const purges: Array<() => Promise<unknown>> = [];
async function runSteps(steps: Array<() => Promise<unknown>>): Promise<void> {
  for (const step of steps.splice(0).reverse()) await step().catch((error) => console.error(`cleanup: ${(error as Error).message}`));
}
const cleanUp = () => runSteps(cleanups);
const cleanUpAll = async () => {
  await runSteps(cleanups);
  await runSteps(purges);
};
process.once('SIGINT', () => void cleanUpAll().finally(() => process.exit(130)));

const startServer = (ns: string, pythonWorkers = true) =>
  startServerProcess({
    namespace: ns,
    pythonWorkers,
    workerConcurrency: plan.concurrency,
    redisUrl,
    amqpUrl,
    logFile: path.join(scratch, `server-${ns}.log`),
    ...(profileDir ? { cpuProfDir: profileDir } : {}),
  });

const startedAt = Date.now();
const machine = describeMachine();
const measurements: Measurement[] = [];
const skipped: string[] = [];
try {
  await requireBrokers(redisUrl, amqpUrl);
  for (const ns of [namespace, rawNamespace, rssNamespace]) {
    purges.push(
      () => deleteRedisPrefix(redisUrl, ns),
      () => deleteAmqpNamespace(amqpUrl, ns),
    );
  }
  log(`bench (${plan.mode}) on ${machine}`);
  log(`namespace ${namespace}; concurrency ${plan.concurrency} on every worker, lane and raw`);

  if (['throughput', 'latency', 'ws', 'celery', 'dramatiq'].some((phase) => selected.has(phase as Phase))) {
    // Everything starts at once: on two cores, starting is a good part of a --quick run.
    const starting = [
      startServer(namespace),
      startRawWorker('bullmq', { url: redisUrl, namespace: rawNamespace, concurrency: plan.concurrency }),
      startRawWorker('amqp', { url: amqpUrl, namespace: rawNamespace, concurrency: plan.concurrency }),
    ] as const;
    for (const started of starting) cleanups.push(() => started.then((child) => child.stop()));
    const [server, rawBullWorker, rawAmqpWorker] = await Promise.all(starting);
    const watcher = await DemoWatcher.connect(server.wsUrl);
    cleanups.push(async () => watcher.close());
    const lanes = (await getHealth(server.url)).lanes;
    // The server's Python workers (Celery's prefork pool of 50 above all) take a while to start, a minute or
    // more on two busy cores: they may, while the other lanes are measured, and get 90 s more when their turn comes.
    const pythonWorker = (lane: 'celery' | 'dramatiq') => {
      const up = lanes.some((l) => l.name === lane && l.status === 'up');
      let seen = false;
      if (up) void watcher.waitFor(() => watcher.workers(lane).length > 0, `a ${lane} worker`, 3_600_000).then(() => (seen = true), () => {});
      return {
        up,
        ready: async () =>
          seen || watcher.waitFor(() => watcher.workers(lane).length > 0, `a ${lane} worker`, 90_000).then(() => true, () => false),
      };
    };
    const pythonWorkers = { celery: pythonWorker('celery'), dramatiq: pythonWorker('dramatiq') };
    await waitForLaneWorker(watcher, 'bullmq', plan.concurrency);
    await waitForLaneWorker(watcher, 'rabbitmq', plan.concurrency);
    const brokers = { bullmq: findPid('redis-server'), rabbitmq: findPid('beam.smp') };
    const rawBull = rawBullmqContender({ redisUrl, prefix: rawNamespace, worker: rawBullWorker, brokerPid: brokers.bullmq });
    cleanups.push(() => rawBull.close());
    const rawAmqp = await rawAmqpContender({ amqpUrl, namespace: rawNamespace, worker: rawAmqpWorker, brokerPid: brokers.rabbitmq });
    cleanups.push(() => rawAmqp.close());
    log(`server and workers up after ${elapsed()}`);
    const onLane = (lane: 'bullmq' | 'rabbitmq') => laneContender(server.url, watcher, lane, { server: server.pid, broker: brokers[lane] });
    const pairs = [
      { lane: 'bullmq' as const, raw: rawBull },
      { lane: 'rabbitmq' as const, raw: rawAmqp },
    ];

    if (selected.has('throughput')) {
      const tp = plan.throughput;
      log(`throughput: ${count(tp.jobs)} noop jobs per round, ${tp.rounds} rounds per side, lane and raw in turn`);
      for (const { lane, raw } of pairs) {
        const name = `${lane} throughput (${count(tp.jobs)} noop, c=${plan.concurrency})`;
        measurements.push(await measureThroughput(name, onLane(lane), raw, tp, 0.85, log));
      }
    }
    if (selected.has('latency')) {
      log(`latency: ${plan.latency.jobs} sequential jobs per side, turns of ${plan.latency.chunk} (${elapsed()})`);
      for (const { lane, raw } of pairs) {
        measurements.push(...(await measureLatency(lane, onLane(lane), raw, plan.latency, log)));
      }
    }
    if (selected.has('ws')) {
      const { jobs, clients, rounds } = plan.fanout;
      log(`ws fan-out: ${count(jobs)}-job bursts watched by ${clients} clients of the demo server and ${clients} of a plain ws broadcaster (${elapsed()})`);
      measurements.push(
        ...(await measureFanout({ serverPid: server.pid, serverWsUrl: server.wsUrl, watcher, redisUrl, namespace, jobs, clients, rounds, log })),
      );
    }
    for (const framework of [celeryFramework, ...dramatiqFrameworks] satisfies PythonFramework[]) {
      const { lane } = framework;
      if (!selected.has(lane)) continue;
      const worker = pythonWorkers[lane];
      if (!worker.up) {
        skipped.push(`no ${lane} lane`);
        log(`${lane}: skipped: no ${lane} lane`);
      } else if (!(await worker.ready())) {
        const detail = (await getHealth(server.url)).lanes.find((l) => l.name === lane)?.detail ?? '';
        skipped.push(`${lane}: no worker came up (${detail})`);
        log(`${lane}: skipped: no worker came up (${detail}); see ${path.relative(process.cwd(), path.join(scratch, `server-${namespace}.log`))}`);
      } else {
        const { jobs, rounds } = plan.pythonFrameworks;
        log(`${lane}: TypeScript producer (the lane) against ${lane}'s own Python client${framework.producerCall ? ` (${framework.producerCall})` : ''}, ${count(jobs)} noop per round (${elapsed()})`);
        measurements.push(...(await measurePythonProducers(framework, { url: server.url, watcher, namespace, amqpUrl, redisUrl, python, jobs, rounds, log })));
      }
    }
    await cleanUp();
  }
  if (selected.has('rss')) {
    log(`rss: a fresh server, ${count(plan.rss.first)} then ${count(plan.rss.second)} jobs (${elapsed()})`);
    measurements.push(await measureRss(() => startServer(rssNamespace, false), { ...plan.rss, concurrency: plan.concurrency }, log));
  }
  if (selected.has('deck')) {
    log(`deck: npm run build${plan.deck.pdf ? ' and export:pdf' : ''} against a bare marp of the original deck (${elapsed()})`);
    const originalDeck = path.resolve(repoRoot, '../shared/talk/original-deck.md');
    try {
      measurements.push(...(await measureDeck({ ...plan.deck, originalDeck, scratch }, log)));
    } catch (error) {
      // The deck is others' work in progress as often as not: its failure is reported, not fatal.
      const why = (error as Error).message.split('\n').find((line) => line.includes('failed')) ?? (error as Error).message;
      skipped.push(`deck timing: the build failed (${why.trim().slice(0, 200)})`);
      log(`  deck timing failed: ${(error as Error).message}`);
      process.exitCode = 1;
    }
    if (!plan.deck.pdf) skipped.push('PDF export timing (full run only: it alone takes longer than --quick may)');
  }
} catch (error) {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanUpAll();
}

if (measurements.length > 0) {
  const results = buildResults(machine, plan.mode, measurements, skipped);
  // Only a complete full run may replace the committed results.
  const dir = path.join(repoRoot, flags.quick || flags.only ? 'tmp/bench' : 'bench');
  console.log(`\n${writeReport(results, measurements, dir)}`);
  console.log(`wrote ${path.relative(process.cwd(), path.join(dir, 'results.json'))} and chart.svg in ${elapsed()}`);
  if (profileDir) console.log(`CPU profiles of the demo server in ${path.relative(process.cwd(), profileDir)}: node --import tsx scripts/bench/profile-summary.ts <file>`);
}
// A wait still pending (say, for a Celery worker that never came) must not keep the bench alive.
process.exit();
