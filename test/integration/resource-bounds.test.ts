import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECENT_JOBS_LIMIT } from '../../demo-server/src/protocol/index.ts';
import { postJson, startTestServer } from '../support/demo-server.ts';
import { settled } from '../support/lane-contract.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Live heap after a full collection, so garbage not yet collected does not count as growth. */
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

describe('resource bounds', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ workerConcurrency: 0 }, ['memory']);
  });
  afterAll(async () => server?.stop());

  it('keeps memory flat and the recent-jobs list bounded through bursts of 100,000 jobs', async () => {
    const burst = async (total: number) => {
      await postJson(`${server.url}/api/jobs`, { lane: 'memory', kind: 'noop', count: 100_000 });
      await settled(server, 'memory', total, 60_000);
      return heapMb();
    };
    // The first 100,000 fill the monitor's duplicate detector (100,000 ids, a few MB) to its cap.
    const after100k = await burst(100_000);
    const after200k = await burst(200_000);
    const after300k = await burst(300_000);

    const snapshot = server.hub.snapshot();
    expect(snapshot.lanes[0]!.recent.length).toBeLessThanOrEqual(RECENT_JOBS_LIMIT);
    expect(JSON.stringify(snapshot).length).toBeLessThan(64 * 1024);
    expect(after300k - after100k).toBeLessThan(15);
    console.info(
      `heap after 100k: ${after100k.toFixed(1)} MB, 200k: ${after200k.toFixed(1)} MB, 300k: ${after300k.toFixed(1)} MB`,
    );
  }, 90_000);
});
