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
const SETTLE_MS = 1_000;

/**
 * A fresh demo server's resident memory after `first` and after `second` jobs through its
 * broker lanes: what a long rehearsal does to it. The growth between the two is the goal.
 */
export async function measureRss(
  startServer: () => Promise<ServerProcess>,
  plan: { first: number; second: number; concurrency: number },
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
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      return rssBytes(server.pid) / MB;
    };
    const atFirst = await runTo(plan.first);
    const atSecond = await runTo(plan.second);
    log(`  server RSS: ${atFirst.toFixed(1)} MB after ${count(plan.first)} jobs, ${atSecond.toFixed(1)} MB after ${count(plan.second)}`);
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
