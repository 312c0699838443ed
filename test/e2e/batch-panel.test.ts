import { describe, expect, it } from 'vitest';
import type { BatchState } from '../../demo-server/src/protocol/index.ts';
import { useDeckServer } from '../support/deck-fixture.ts';
import { getJson } from '../support/demo-server.ts';

const activePanel = '.bespoke-marp-active [data-demo="batch"]';

describe('the batch panel in the deck', () => {
  const deck = useDeckServer(['bullmq']);
  const run = async () => ((await getJson(`${deck.server.url}/api/demos/batch`)).state as BatchState).run;

  it('runs 200 CPU jobs on BullMQ, takes a second worker mid-run, and ends with exactly 200 done, shared by both', async () => {
    const page = await deck.openSlide('Use case: batch');
    const panel = page.locator(activePanel);
    const start = panel.getByRole('button', { name: 'Start the batch' });
    await expect.poll(() => start.isEnabled(), { timeout: 15_000 }).toBe(true);

    await start.click();
    await expect.poll(async () => (await run())?.completed ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
    expect((await run())!.workerProcesses).toBe(1);
    await panel.getByRole('button', { name: 'Add a worker' }).click();
    await expect.poll(async () => (await run())?.workerProcesses).toBe(2);

    await expect.poll(async () => (await run())?.finishedAt ?? null, { timeout: 60_000 }).not.toBeNull();
    const done = (await run())!;
    expect(done).toMatchObject({ size: 200, completed: 200, failed: 0, duplicates: 0 });
    expect(done.workers.length).toBeGreaterThanOrEqual(2);
    for (const worker of done.workers) expect(worker.done, worker.id).toBeGreaterThan(0);
    expect(done.workers.reduce((sum, w) => sum + w.done, 0)).toBe(200);
    expect(done.joinedAtMs).toBeGreaterThan(done.addedAtMs!);
    // The lane's own count agrees: nothing ran twice, nothing is left.
    expect(await getJson(`${deck.server.url}/api/lanes/bullmq/stats`)).toMatchObject({ completed: 200, failed: 0, waiting: 0, active: 0 });

    await expect.poll(() => panel.locator('.demo-batch-progress-text').textContent()).toMatch(/^200 \/ 200 done · in [\d.]+ s$/);
    const rows = panel.locator('.demo-batch-worker');
    expect(await rows.count()).toBe(done.workers.length);
    for (const [i, worker] of done.workers.entries()) {
      expect(await rows.nth(i).getAttribute('data-worker')).toBe(worker.id);
      expect(await rows.nth(i).locator('.demo-batch-worker-done').textContent()).toBe(String(worker.done));
    }
    await page.close();
  }, 90_000);
});
