import { describe, expect, it } from 'vitest';
import { deleteNamespace, purgeAmqpNamespace } from '../support/brokers.ts';
import { useDeckServer } from '../support/deck-fixture.ts';
import { openSlide } from '../support/deck-page.ts';
import { getJson, startTestServer } from '../support/demo-server.ts';

const racers = ['memory', 'bullmq', 'rabbitmq'] as const;
const activeRace = '.bespoke-marp-active [data-demo="race"]';

describe('the broker race panel in the deck', () => {
  const deck = useDeckServer(racers);

  it('races 1,000 jobs through memory, BullMQ and RabbitMQ from one click; every lane ends with exactly 1,000', async () => {
    const page = await deck.openSlide('Message Broker');
    const panel = page.locator(activeRace);
    const start = panel.getByRole('button', { name: 'Race 1,000' });
    await expect.poll(() => start.isEnabled(), { timeout: 15_000 }).toBe(true);
    // Every lane's worker has reported: none sits the race out.
    await expect.poll(() => panel.locator('.demo-race-problem:not([hidden])').count(), { timeout: 15_000 }).toBe(0);

    await start.click();

    await expect.poll(() => panel.locator('.demo-race-status').textContent(), { timeout: 60_000 }).toMatch(/^Winner: /);
    const cell = (lane: string, row: string) => panel.locator(`[data-lane="${lane}"][data-row="${row}"]`).textContent();
    for (const lane of racers) {
      expect(await cell(lane, 'completed'), lane).toBe('1,000');
      expect(await cell(lane, 'failed'), lane).toBe('0');
      expect(await cell(lane, 'waiting'), lane).toBe('0');
      expect(await cell(lane, 'time'), lane).toMatch(/^(1st|2nd|3rd)\d[\d.,]* s$/);
      expect(await getJson(`${deck.server.url}/api/lanes/${lane}/stats`)).toMatchObject({ completed: 1_000, failed: 0, waiting: 0, active: 0 });
    }
    // The chart is drawn by uPlot, with something on it.
    expect(await panel.locator('.demo-chart canvas').count()).toBeGreaterThan(0);
    // The clicks stayed in the panel: the deck is still on the same slide.
    expect(await panel.isVisible()).toBe(true);

    // The next broker slide shows the same race, finished, without a second click.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.bespoke-marp-active h1').textContent()).toContain('RabbitMQ');
    await expect.poll(() => page.locator(`${activeRace} .demo-race-status`).textContent()).toMatch(/^Winner: /);
    expect(await page.locator(`${activeRace} [data-lane="rabbitmq"][data-row="completed"]`).textContent()).toBe('1,000');
    await page.close();
  }, 90_000);

  it('greys a lane the server does not run and races the others', async () => {
    const small = await startTestServer({ workerConcurrency: 0 }, ['memory']);
    try {
      const page = await deck.browser.newPage({ viewport: { width: 1280, height: 720 } });
      await openSlide(page, `${small.url}/`, 'Message Broker');
      const panel = page.locator(activeRace);
      await expect.poll(() => panel.locator('[data-lane="bullmq"][data-row="time"]').textContent(), { timeout: 15_000 }).toBe('absent');
      expect(await panel.locator('.demo-race-problem[data-lane="rabbitmq"]').textContent()).toContain('rabbitmq: not on this demo server');

      await panel.getByRole('button', { name: 'Race 1,000' }).click();
      await expect.poll(() => panel.locator('.demo-race-status').textContent(), { timeout: 30_000 }).toMatch(/^Finished: In-memory, 1,000 jobs in /);
      await page.close();
    } finally {
      await small.stop();
    }
  }, 60_000);

  it('races real Celery against real Dramatiq (and RabbitMQ) on the frameworks slide; every lane ends with exactly 1,000', async () => {
    const frameworks = await startTestServer({}, ['rabbitmq', 'celery', 'dramatiq']);
    try {
      const page = await deck.browser.newPage({ viewport: { width: 1280, height: 720 } });
      await openSlide(page, `${frameworks.url}/`, 'Celery vs. Dramatiq — the race');
      const panel = page.locator(activeRace);
      // The real Celery worker announces itself through Celery's events, Dramatiq's through demo_reporting.py,
      // the Node worker by its heartbeat: none sits the race out.
      await expect.poll(() => panel.locator('.demo-race-problem:not([hidden])').count(), { timeout: 60_000 }).toBe(0);

      await panel.getByRole('button', { name: 'Race 1,000' }).click();

      await expect.poll(() => panel.locator('.demo-race-status').textContent(), { timeout: 90_000 }).toMatch(/^Winner: /);
      const cell = (lane: string, row: string) => panel.locator(`[data-lane="${lane}"][data-row="${row}"]`).textContent();
      for (const lane of ['celery', 'dramatiq', 'rabbitmq']) {
        expect(await cell(lane, 'completed'), lane).toBe('1,000');
        expect(await cell(lane, 'time'), lane).toMatch(/^(1st|2nd|3rd)\d[\d.,]* s$/);
        expect(await getJson(`${frameworks.url}/api/lanes/${lane}/stats`)).toMatchObject({ completed: 1_000, failed: 0, waiting: 0, active: 0 });
      }
      await page.close();
    } finally {
      await frameworks.stop();
      await deleteNamespace(frameworks.config.namespace);
      await purgeAmqpNamespace(frameworks.config.namespace);
    }
  }, 150_000);
});
