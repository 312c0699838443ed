import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { bullmqJobOptions } from '../../demo-server/src/lanes/bullmq.ts';
import { bullmqNames } from '../../demo-server/src/lanes/bullmq-names.ts';
import { TICK_MS } from '../../demo-server/src/protocol/index.ts';
import { nextMessage, spawnScript, stopChild } from './children.ts';
import { BATCH } from './contender.ts';
import type { DemoWatcher } from './demo-client.ts';
import type { Measurement } from './goals.ts';
import type { FromPlainBroadcaster } from './plain-broadcaster.ts';
import { count } from './plan.ts';
import { cpuSeconds } from './proc.ts';
import { median } from './stats.ts';
import type { FromWatchers, ToWatchers, WatchReport } from './ws-watchers.ts';

/** No WebSocket frame may be larger than this, KB: a phone on conference Wi-Fi must keep up. */
const MAX_FRAME_KB = 256;

export interface FanoutOptions {
  serverPid: number;
  serverWsUrl: string;
  watcher: DemoWatcher;
  redisUrl: string;
  namespace: string;
  jobs: number;
  clients: number;
  rounds: number;
  log: (line: string) => void;
}

/**
 * A burst on the BullMQ lane watched by `clients` WebSocket clients of the demo server and as
 * many of a plain `ws` broadcaster fed by the same BullMQ events, at the same time. The burst is
 * added to the lane's queue directly, so both servers do the same work: read the events, batch
 * them per tick, send. Compared: each server's CPU seconds over the burst, frame sizes, client lag.
 */
export async function measureFanout(options: FanoutOptions): Promise<Measurement[]> {
  const { namespace, redisUrl, jobs, clients, rounds, log } = options;
  const plain = spawnScript('./plain-broadcaster.ts', ['--redis', redisUrl, '--prefix', bullmqNames(namespace).prefix]);
  const children: ChildProcess[] = [plain];
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const names = bullmqNames(namespace);
  const queue = new Queue(names.queue, { connection, prefix: names.prefix, defaultJobOptions: bullmqJobOptions });
  try {
    const [{ port }, demoClients] = await Promise.all([
      nextMessage(plain, (m: FromPlainBroadcaster) => (m.type === 'listening' ? m : undefined)),
      startWatchers(options.serverWsUrl, clients, children),
    ]);
    const plainClients = await startWatchers(`ws://127.0.0.1:${port}`, clients, children);
    const demoCpu: number[] = [];
    const plainCpu: number[] = [];
    const demoReports: WatchReport[] = [];
    const plainReports: WatchReport[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const watchers of [demoClients, plainClients]) watchers.send({ type: 'reset' } satisfies ToWatchers);
      const target = options.watcher.completed('bullmq') + jobs;
      const demoBefore = cpuSeconds(options.serverPid);
      const plainBefore = cpuSeconds(plain.pid!);
      const noop = { kind: 'noop', params: {} } as const;
      for (let added = 0; added < jobs; added += BATCH) {
        const slice = Math.min(BATCH, jobs - added);
        await queue.addBulk(Array.from({ length: slice }, () => ({ name: noop.kind, data: noop })));
      }
      await options.watcher.waitForCompleted('bullmq', target);
      // Two more ticks, so both servers have sent what the last events changed.
      await new Promise((resolve) => setTimeout(resolve, 2 * TICK_MS + 20));
      demoCpu.push(cpuSeconds(options.serverPid) - demoBefore);
      plainCpu.push(cpuSeconds(plain.pid!) - plainBefore);
      const [demo, reference] = await Promise.all([report(demoClients), report(plainClients)]);
      demoReports.push(demo);
      plainReports.push(reference);
      log(
        `  ws fan-out round ${round}/${rounds}: demo server ${demoCpu.at(-1)!.toFixed(2)} s CPU, ${demo.frames} frames, ` +
          `largest ${(demo.maxFrameBytes / 1024).toFixed(1)} KB, lag p99 ${demo.lagP99} ms; plain ws ${plainCpu.at(-1)!.toFixed(2)} s CPU, ` +
          `${reference.frames} frames, largest ${(reference.maxFrameBytes / 1024).toFixed(1)} KB, lag p99 ${reference.lagP99} ms`,
      );
    }
    const label = `(${count(jobs)} burst, ${clients} clients)`;
    return [
      { name: `ws fan-out server CPU ${label}`, value: median(demoCpu), unit: 's', raw: median(plainCpu), goal: { kind: 'ratio-at-most', ratio: 1.2 } },
      {
        name: 'ws fan-out largest frame',
        value: Math.max(...demoReports.map((r) => r.maxFrameBytes)) / 1024,
        unit: 'KB',
        raw: Math.max(...plainReports.map((r) => r.maxFrameBytes)) / 1024,
        goal: { kind: 'at-most', limit: MAX_FRAME_KB },
      },
      {
        name: 'ws fan-out client lag p99',
        value: median(demoReports.map((r) => r.lagP99)),
        unit: 'ms',
        raw: median(plainReports.map((r) => r.lagP99)),
        goal: { kind: 'none' },
      },
    ];
  } finally {
    for (const child of children.reverse()) await stopChild(child);
    await queue.close();
    connection.disconnect();
  }
}

async function startWatchers(url: string, clients: number, children: ChildProcess[]): Promise<ChildProcess> {
  const watchers = spawnScript('./ws-watchers.ts', ['--url', url, '--clients', String(clients)]);
  children.push(watchers);
  await nextMessage(watchers, (m: FromWatchers) => (m.type === 'ready' ? true : undefined), 60_000);
  return watchers;
}

function report(watchers: ChildProcess): Promise<WatchReport> {
  const answer = nextMessage(watchers, (m: FromWatchers) => (m.type === 'report' ? m : undefined));
  watchers.send({ type: 'report' } satisfies ToWatchers);
  return answer;
}
