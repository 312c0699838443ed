import { describe, expect, it } from 'vitest';
import type { SchedulingState } from '../../demo-server/src/protocol/demos/scheduling.ts';
import { useDeckServer } from '../support/deck-fixture.ts';
import { getJson } from '../support/demo-server.ts';

const activePanel = '.bespoke-marp-active [data-demo="scheduling"]';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the scheduling panel in the deck', () => {
  const deck = useDeckServer(['celery', 'bullmq', 'dramatiq']);
  const state = async (): Promise<SchedulingState> => (await getJson(`${deck.server.url}/api/demos/scheduling`)).state;
  const counts = async () => Object.fromEntries((await state()).schedulers.map((s) => [s.name, s.count]));

  it('ticks every second from Celery beat, the BullMQ job scheduler and APScheduler for Dramatiq; a paused scheduler stops ticking until resumed', async () => {
    const page = await deck.openSlide('Scheduling — live');
    const panel = page.locator(activePanel);
    const row = (name: string) => panel.locator(`.demo-sched-row[data-scheduler="${name}"]`);
    // The server's Celery worker takes a few seconds to announce itself; beat needs it. APScheduler's ticks need Dramatiq's.
    await expect.poll(() => row('celery').getAttribute('data-status'), { timeout: 60_000 }).toBe('stopped');
    await expect.poll(() => deck.server.hub.lane('dramatiq')!.workers().length, { timeout: 60_000 }).toBeGreaterThan(0);

    await panel.getByRole('button', { name: 'Start all' }).click();

    // Running from its first tick: beat and APScheduler are Python processes that take seconds to boot on a busy machine.
    // Then at least three ticks each, drawn on the axis, about a second apart (the schedule, not a timing goal).
    for (const name of ['celery', 'bullmq', 'dramatiq']) {
      await expect.poll(() => row(name).getAttribute('data-status'), { timeout: 60_000, message: `${name}: its first tick` }).toBe('running');
    }
    for (const name of ['celery', 'bullmq', 'dramatiq']) {
      await expect.poll(async () => Number(await row(name).getAttribute('data-ticks')), { timeout: 30_000, message: `${name}: three ticks` }).toBeGreaterThanOrEqual(3);
    }
    for (const scheduler of (await state()).schedulers) {
      const gaps = scheduler.ticks.slice(1).map((t, i) => t - scheduler.ticks[i]!);
      expect(gaps.length, scheduler.name).toBeGreaterThanOrEqual(2);
      for (const gap of gaps) expect(gap, `${scheduler.name} ${gaps.join(', ')}`).toBeGreaterThan(500);
      for (const gap of gaps) expect(gap, `${scheduler.name} ${gaps.join(', ')}`).toBeLessThan(1_600);
      // The schedule is every second: over the whole run, not gap by gap (each gap carries the worker's
      // jitter; the median of two or three gaps was 795 ms on a busy machine).
      const span = (scheduler.ticks.at(-1)! - scheduler.ticks[0]!) / (scheduler.ticks.length - 1);
      expect(span, `${scheduler.name} ${scheduler.ticks.join(', ')}`).toBeGreaterThan(800);
      expect(span, `${scheduler.name} ${scheduler.ticks.join(', ')}`).toBeLessThan(1_200);
      expect(await row(scheduler.name).locator('.demo-sched-stats').textContent()).toMatch(/^\d+ ticks · every [01]\.\d\d s \(max \d\.\d\d s\)$/);
    }

    // Pause each; a tick already on its way may still run, then nothing for a few seconds.
    for (const [name, label] of [['celery', 'Celery beat'], ['bullmq', 'BullMQ'], ['dramatiq', 'Dramatiq']] as const) {
      await panel.getByRole('button', { name: `Pause ${label}` }).click();
      await expect.poll(() => row(name).getAttribute('data-status')).toBe('paused');
    }
    await pause(1_500);
    const whilePaused = await counts();
    await pause(3_500);
    expect(await counts()).toEqual(whilePaused);

    // Resume: ticks again.
    await panel.getByRole('button', { name: 'Resume Celery beat' }).click();
    await panel.getByRole('button', { name: 'Resume BullMQ' }).click();
    await panel.getByRole('button', { name: 'Resume Dramatiq' }).click();
    await expect.poll(async () => (await counts()).bullmq, { timeout: 15_000 }).toBeGreaterThanOrEqual(whilePaused.bullmq! + 2);
    await expect.poll(async () => (await counts()).celery, { timeout: 20_000 }).toBeGreaterThanOrEqual(whilePaused.celery! + 2);
    await expect.poll(async () => (await counts()).dramatiq, { timeout: 20_000 }).toBeGreaterThanOrEqual(whilePaused.dramatiq! + 2);
    await panel.getByRole('button', { name: 'Pause all' }).click();
    await page.close();
  }, 120_000);
});
