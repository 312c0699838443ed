// npm run record: runs each panel's scenario against a demo server of its own and writes what the
// panels showed to slides/recordings/<name>.json, which the build embeds for PDF, PPTX and HTML.
//   npm run record                    every recording
//   npm run record -- --only race     one of them
//   npm run record -- --race-count 5000
//   npm run record -- --allow-absent  write a recording even where a lane or framework the slide names is absent
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { loadConfig } from '../demo-server/src/config.ts';
import { createLogger } from '../demo-server/src/logger.ts';
import { serverMessageSchema, type LaneState } from '../demo-server/src/protocol/index.ts';
import { startDemoServer, type DemoServer } from '../demo-server/src/server.ts';
import { raceHistoryFor } from '../slides/panel/panels/race/history.ts';
import { recordingSchema, type RecordedLane, type Recording } from '../slides/panel/recording.ts';
import { LaneStore } from '../slides/panel/store.ts';
// The same clean-up the tests use: a recording's namespace leaves no keys or queues behind.
import { deleteNamespace, purgeAmqpNamespace } from '../test/support/brokers.ts';
import { recordChaining } from './recorders/chaining.ts';
import { recordResults } from './recorders/results.ts';
import { recordScheduling } from './recorders/scheduling.ts';
import { recordBatch } from './recorders/batch.ts';
import { recordMonitoring } from './recorders/monitoring.ts';
import { recordWebApi } from './recorders/web-api.ts';
import { recordReliability } from './recorders/reliability.ts';
import { recordRetries } from './recorders/retries.ts';
import { absentInRecording } from './recorders/absent-lanes.ts';
import { deckQueueLanes, deckRaceLanes } from './recorders/deck-lanes.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'slides/recordings');

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    'race-count': { type: 'string', default: '20000' },
    'allow-absent': { type: 'boolean', default: false },
  },
});

const log = (message: string): void => console.log(`[record] ${message}`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A page's view of the server: the panels' own store, fed by a real socket. */
async function watch(url: string): Promise<{ store: LaneStore; close(): void }> {
  const store = new LaneStore();
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`);
  ws.on('message', (data) => {
    const msg = serverMessageSchema.parse(JSON.parse(data.toString()));
    if (msg.type === 'snapshot') store.receiveSnapshot(msg);
    else if (msg.type === 'delta') store.receiveDelta(msg);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    store.subscribe(() => resolve());
  });
  return { store, close: () => ws.close() };
}

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await res.json();
  if (!res.ok) throw new Error(`POST ${url}: HTTP ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

async function until<T>(what: string, check: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await pause(50);
  }
}

/** What a recording keeps of a lane: figures and names, never hosts or process ids. */
function recordedLane(lane: LaneState): RecordedLane {
  return {
    stats: lane.stats,
    throughput: lane.throughput,
    latency: lane.latency,
    capabilities: lane.capabilities,
    producer: lane.producer,
    run: lane.run,
  };
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/**
 * The Message Queue slide and the Celery and Dramatiq slides' queue panels: a steady producer outruns
 * each lane's worker, so its queue backs up; the recording is taken while it does, which is what the
 * slides are about.
 */
async function recordQueue(server: DemoServer): Promise<Recording> {
  const lanes = deckQueueLanes(readFileSync(path.join(root, 'slides/deck.md'), 'utf8'));
  const { store, close } = await watch(server.url);
  try {
    await post(`${server.url}/api/reset`, {});
    const silent = await until(
      'a worker on every queue lane',
      () => (lanes.every((name) => (store.state.lanes.get(name)?.workers.length ?? 0) > 0) ? [] : undefined),
      WORKER_WAIT_MS,
    ).catch(() => lanes.filter((name) => (store.state.lanes.get(name)?.workers.length ?? 0) === 0));
    if (silent.length > 0) throw new AbsentLanes(silent.map((name) => `${name}: no worker`));
    for (const lane of lanes) await post(`${server.url}/api/lanes/${lane}/producer`, { rate: 50, kind: 'sleep', params: { ms: 200 } });
    log(`queue: 50 sleep jobs/s into each of ${lanes.join(', ')}, each with one worker, for 10 s`);
    await pause(10_000);
    const states = lanes.map((lane) => store.state.lanes.get(lane));
    const idle = lanes.filter((_, i) => !states[i] || states[i].stats.waiting === 0);
    if (idle.length > 0) throw new Error(`the queue did not back up on ${idle.join(', ')}: is its worker running?`);
    for (const lane of lanes) await post(`${server.url}/api/lanes/${lane}/producer`, { rate: 0 });
    return { panel: 'queue', recordedAt: new Date().toISOString(), lanes: Object.fromEntries(lanes.map((lane, i) => [lane, recordedLane(states[i]!)])) };
  } finally {
    close();
    await post(`${server.url}/api/reset`, {});
  }
}

/** How long a race recording waits for the lanes' workers to report before leaving the silent ones out. */
const WORKER_WAIT_MS = 45_000;

/** The broker slides: the same burst through the deck's race lanes, with the chart the panel draws. */
async function recordRace(server: DemoServer, count: number): Promise<Recording> {
  const { store, close } = await watch(server.url);
  try {
    // Workers announce themselves within seconds (a Celery worker takes longest); one never started sits out.
    const raceLanes = deckRaceLanes(readFileSync(path.join(root, 'slides/deck.md'), 'utf8'));
    await until(
      'a worker on every lane that is up',
      () => {
        const waiting = raceLanes.filter((name) => {
          const lane = store.state.lanes.get(name);
          return lane?.health.status === 'up' && lane.workers.length === 0;
        });
        return waiting.length === 0 ? true : undefined;
      },
      WORKER_WAIT_MS,
    ).catch(() => undefined);
    const leftOut: string[] = [];
    const lanes = raceLanes.filter((name) => {
      const lane = store.state.lanes.get(name);
      if (lane?.health.status === 'up' && lane.workers.length > 0) return true;
      leftOut.push(`${name}: ${lane ? `${lane.health.status === 'up' ? 'no worker' : 'down'} (${lane.health.hint ?? lane.health.detail ?? ''})` : 'not on this server'}`);
      return false;
    });
    if (leftOut.length > 0 && !args['allow-absent']) throw new AbsentLanes(leftOut);
    for (const why of leftOut) log(`race: left out ${why}`);
    if (lanes.length === 0) throw new Error('no lane of the race is up');
    const history = raceHistoryFor(store);
    log(`race: ${count.toLocaleString('en-US')} noop jobs through ${lanes.join(', ')}`);
    const race = (await post(`${server.url}/api/race`, { lanes, kind: 'noop', count })) as {
      id: string;
      lanes: Array<{ name: string; accepted: number; error?: string }>;
    };
    // A burst cut short (a broker connection dropped mid-burst) would race fewer jobs on that lane than on the others.
    const short = race.lanes.filter((lane) => lane.accepted !== count);
    if (short.length > 0) {
      throw new Error(`race: ${short.map((lane) => `${lane.name} accepted ${lane.accepted} of ${count}${lane.error ? ` (${lane.error})` : ''}`).join('; ')}: not written`);
    }
    const finished = await until(
      'every lane to finish the race',
      () => {
        const states = lanes.map((name) => store.state.lanes.get(name));
        return states.every((lane) => lane?.run?.id === race.id && lane.run.finishedAt !== null) ? (states as LaneState[]) : undefined;
      },
      300_000,
    );
    // The chart goes on a moment after the finish, as it does on the slide.
    await pause(1_500);
    const series = history.series();
    const chart = series && {
      t: series.t.map((t) => round(t, 2)),
      lanes: Object.fromEntries([...series.lanes].map(([name, ys]) => [name, ys.map((y) => (Number.isFinite(y) ? Math.round(y) : null))])),
    };
    for (const lane of finished) log(`race: ${lane.name} finished in ${((lane.run!.finishedAt! - lane.run!.startedAt) / 1000).toFixed(2)} s`);
    return {
      panel: 'race',
      recordedAt: new Date().toISOString(),
      lanes: Object.fromEntries(lanes.map((name) => [name, recordedLane(store.state.lanes.get(name)!)])),
      chart,
    };
  } finally {
    close();
    await post(`${server.url}/api/reset`, {});
  }
}

/** A lane or framework the slide names would show as absent: the recording is not written. */
class AbsentLanes extends Error {
  constructor(readonly absent: readonly string[]) {
    super(`absent: ${absent.join('; ')}. Not written: start what is missing, or pass --allow-absent to write it anyway`);
  }
}

const scenarios: Record<string, (server: DemoServer) => Promise<Recording>> = {
  queue: recordQueue,
  race: (server) => recordRace(server, Number(args['race-count'])),
  chaining: recordChaining,
  scheduling: recordScheduling,
  results: recordResults,
  'web-api': (server) => recordWebApi(server, log),
  batch: (server) => recordBatch(server, log),
  monitoring: (server) => recordMonitoring(server, log),
  reliability: (server) => recordReliability(server, config),
  retries: (server) => recordRetries(server, config),
};

const chosen = args.only ? [args.only] : Object.keys(scenarios);
const unknown = chosen.filter((name) => !scenarios[name]);
if (unknown.length > 0) {
  console.error(`[record] no scenario "${unknown.join(', ')}"; there are: ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}

const config = { ...loadConfig(process.env), port: 0, namespace: `record-${randomUUID().slice(0, 8)}` };
const server = await startDemoServer(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
log(`demo server at ${server.url}, namespace ${config.namespace}`);
let failed = false;
try {
  // The server's own workers announce themselves within a second or two.
  await pause(2_000);
  mkdirSync(outDir, { recursive: true });
  for (const name of chosen) {
    try {
      const recording = recordingSchema.parse(await scenarios[name]!(server));
      const absent = absentInRecording(recording);
      if (absent.length > 0 && !args['allow-absent']) throw new AbsentLanes(absent);
      for (const why of absent) log(`${name}: written with ${why}`);
      const file = path.join(outDir, `${name}.json`);
      writeFileSync(file, `${JSON.stringify(recording, null, 1)}\n`);
      log(`wrote ${path.relative(process.cwd(), file)}`);
    } catch (error) {
      failed = true;
      console.error(`[record] ${name} failed: ${(error as Error).message}`);
    }
  }
} finally {
  await server.stop();
  await Promise.allSettled([deleteNamespace(config.namespace, config.redisUrl), purgeAmqpNamespace(config.namespace, config.amqpUrl)]);
}
process.exit(failed ? 1 : 0);
