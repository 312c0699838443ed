import type { LaneName } from '../../demo-server/src/protocol/index.ts';
import { BATCH } from './contender.ts';
import { DemoWatcher, postNoops } from './demo-client.ts';
import type { Measurement } from './goals.ts';
import { waitForLaneWorker } from './lane-rounds.ts';
import { count } from './plan.ts';
import { rssBytes } from './proc.ts';
import type { ServerProcess } from './server-process.ts';

const MB = 1024 * 1024;
/** Jobs per lane before switching to the other, so both lanes' bookkeeping is exercised. */
const CHUNK = 5_000;
/** How often RSS is sampled once the server is idle (the smallest sample counts). */
const SAMPLE_EVERY_MS = 250;

/**
 * A fresh demo server's resident memory after `first` and after `second` jobs through its
 * broker lanes: what a long rehearsal does to it. The growth between the two is the goal.
 * Memory is read once the server is idle, as the smallest of a few samples, so a heap V8 has
 * not yet shrunk after a burst is not taken for memory the server keeps; the peak and V8's
 * used heap (from /metrics) are logged beside it.
 */
export async function measureRss(
  startServer: () => Promise<ServerProcess>,
  plan: { first: number; second: number; concurrency: number; settleMs: number; sampleMs: number },
  log: (line: string) => void,
): Promise<Measurement> {
  const server = await startServer();
  const watcher = await DemoWatcher.connect(server.wsUrl);
  try {
    const lanes: LaneName[] = ['bullmq', 'rabbitmq'];
    for (const lane of lanes) await waitForLaneWorker(watcher, lane, plan.concurrency);
    let done = 0;
    const runTo = async (total: number) => {
      while (done < total) {
        const lane = lanes[Math.floor(done / CHUNK) % lanes.length]!;
        const jobs = Math.min(CHUNK - (done % CHUNK), total - done);
        const target = watcher.completed(lane) + jobs;
        for (let sent = 0; sent < jobs; sent += BATCH) await postNoops(server.url, lane, Math.min(BATCH, jobs - sent));
        await watcher.waitForCompleted(lane, target, 300_000);
        done += jobs;
      }
      const peak = rssBytes(server.pid) / MB;
      await new Promise((resolve) => setTimeout(resolve, plan.settleMs));
      let settled = Number.POSITIVE_INFINITY;
      for (let waited = 0; waited <= plan.sampleMs; waited += SAMPLE_EVERY_MS) {
        settled = Math.min(settled, rssBytes(server.pid) / MB);
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
      }
      const heap = await heapUsedMb(server.url);
      log(`  after ${count(total)} jobs: RSS ${settled.toFixed(1)} MB settled (${peak.toFixed(1)} MB right after the last job), V8 heap used ${heap?.toFixed(1) ?? '?'} MB`);
      return settled;
    };
    const atFirst = await runTo(plan.first);
    const atSecond = await runTo(plan.second);
    return {
      name: `server RSS after ${count(plan.second)} jobs (raw: after ${count(plan.first)})`,
      value: atSecond,
      unit: 'MB',
      raw: atFirst,
      goal: { kind: 'ratio-below', ratio: 1.2 },
    };
  } finally {
    watcher.close();
    await server.stop();
  }
}

/** V8's used heap as the server reports it on /metrics (prom-client's default metrics), MB. */
async function heapUsedMb(url: string): Promise<number | undefined> {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    const match = /^\w*nodejs_heap_size_used_bytes(?:\{[^}]*\})? ([\d.e+]+)$/m.exec(text);
    return match ? Number(match[1]) / MB : undefined;
  } catch {
    return undefined;
  }
}
