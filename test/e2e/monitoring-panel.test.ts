import { describe, expect, it } from 'vitest';
import type { MonitoringState } from '../../demo-server/src/protocol/index.ts';
import { useDeckServer } from '../support/deck-fixture.ts';
import { getJson } from '../support/demo-server.ts';

const activePanel = '.bespoke-marp-active [data-demo="monitoring"]';

describe('the monitoring panel in the deck', () => {
  const deck = useDeckServer(['bullmq', 'rabbitmq']);
  const state = async () => (await getJson(`${deck.server.url}/api/demos/monitoring`)).state as MonitoringState;

  it('lists both lanes’ workers and tasks with runtimes, keeps the history over a reload, and re-runs a task on its lane', async () => {
    const page = await deck.openSlide('Monitoring — live');
    const panel = page.locator(activePanel);
    const workerRows = panel.locator('.demo-mon-workers .demo-mon-body .demo-mon-row');
    await expect.poll(() => workerRows.count(), { timeout: 20_000 }).toBe(2);
    expect(await workerRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-worker')?.split('@')[0]).sort())).toEqual(['bullmq', 'rabbitmq']);

    await panel.getByRole('button', { name: 'Send 5 jobs to each lane' }).click();
    await expect.poll(async () => { const h = (await state()).history; return h.completed + h.failed; }, { timeout: 30_000 }).toBe(10);
    const taskRows = panel.locator('.demo-mon-tasks .demo-mon-body .demo-mon-row');
    // The panel draws on the next frame: wait until it shows every task ended too.
    await expect.poll(() => panel.locator('.demo-mon-tasks .demo-mon-row[data-state="completed"], .demo-mon-tasks .demo-mon-row[data-state="failed"]').count()).toBe(10);
    const shown = await taskRows.evaluateAll((rows) =>
      rows.map((r) => ({ id: r.getAttribute('data-task'), lane: r.getAttribute('data-lane'), cells: [...r.children].map((c) => c.textContent) })));
    expect(new Set(shown.map((row) => row.lane))).toEqual(new Set(['bullmq', 'rabbitmq']));
    for (const row of shown) {
      expect(row.cells[3], row.id!).toMatch(/^(completed|failed)$/);
      expect(row.cells[4], row.id!).toMatch(/^[\d.,]+ ms$/);
    }

    // The history is the server's: a reload shows the same tasks.
    await page.reload();
    await expect.poll(() => taskRows.count(), { timeout: 20_000 }).toBe(10);
    expect(await taskRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task')))).toEqual(shown.map((row) => row.id));

    const original = (await state()).tasks.find((task) => task.lane === 'rabbitmq' && task.kind === 'sleep')!;
    await panel.locator(`.demo-mon-row[data-lane="rabbitmq"][data-task="${original.id}"] .demo-mon-rerun`).click();
    await expect.poll(async () => (await state()).tasks.find((task) => task.rerunOf === original.id)?.state, { timeout: 20_000 }).toBe('completed');
    const rerun = (await state()).tasks.find((task) => task.rerunOf === original.id)!;
    expect(rerun).toMatchObject({ lane: 'rabbitmq', kind: 'sleep', params: original.params });
    expect(rerun.id).not.toBe(original.id);
    await expect.poll(() => panel.locator(`.demo-mon-row[data-task="${rerun.id}"]`).getAttribute('title')).toBe(`${rerun.id}, a re-run of ${original.id}`);
    await page.close();
  }, 90_000);
});
