import { performance } from 'node:perf_hooks';
import type { LaneName } from '../../demo-server/src/protocol/index.ts';
import { BATCH, type Contender } from './contender.ts';
import { postNoops, type DemoWatcher } from './demo-client.ts';

/**
 * A lane measured through the demo server's public interface only: jobs go in by
 * `POST /api/jobs`, completions are read from the WebSocket, as a panel reads them.
 */
export function laneContender(
  url: string,
  watcher: DemoWatcher,
  lane: LaneName,
  pids: { server: number; broker: number | undefined },
): Contender {
  return {
    label: `${lane} lane`,
    processes: () => ({ server: pids.server, worker: watcher.workers(lane)[0]?.pid, broker: pids.broker, bench: process.pid }),
    async burst(jobs) {
      const target = watcher.completed(lane) + jobs;
      const startedAt = performance.now();
      const finished = watcher.waitForCompleted(lane, target);
      for (let sent = 0; sent < jobs; sent += BATCH) await postNoops(url, lane, Math.min(BATCH, jobs - sent));
      return ((await finished) - startedAt) / 1000;
    },
    async oneJob() {
      // The server stamps each completion with its own clock (the same machine's): the
      // 50 ms tick that batches the WebSocket is display, not job latency, and is left out.
      const completion = watcher.nextCompletion(lane);
      const enqueuedAt = Date.now();
      await postNoops(url, lane, 1);
      return (await completion) - enqueuedAt;
    },
  };
}

/** Waits until the server's own worker for `lane` announced itself with the expected concurrency. */
export async function waitForLaneWorker(watcher: DemoWatcher, lane: LaneName, concurrency: number): Promise<void> {
  await watcher.waitFor(
    () => watcher.workers(lane).some((worker) => worker.concurrency === concurrency),
    `the ${lane} worker with concurrency ${concurrency}`,
    60_000,
  );
}
