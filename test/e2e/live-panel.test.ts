import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useDeckServer } from '../support/deck-fixture.ts';
import { openSlide } from '../support/deck-page.ts';
import { getJson, startTestServer } from '../support/demo-server.ts';

const queueSlide = 'Message Queue — live';

const completedCount = (page: Page) =>
  page.locator('.bespoke-marp-active [data-demo="queue"] [data-stat="completed"]');

describe('the live queue panel in the deck', () => {
  const deck = useDeckServer();

  it('runs 100 jobs through BullMQ from a click on the slide and shows them completed', async () => {
    const page = await deck.openSlide(queueSlide);
    const panel = page.locator('.bespoke-marp-active [data-demo="queue"]');
    await expect.poll(() => panel.getByRole('button', { name: '+100' }).isEnabled(), { timeout: 15_000 }).toBe(true);

    await panel.getByRole('button', { name: '+100' }).click();

    await expect.poll(() => completedCount(page).textContent(), { timeout: 20_000 }).toBe('100');
    expect(await getJson(`${deck.server.url}/api/lanes/bullmq/stats`)).toMatchObject({ completed: 100, failed: 0 });
    // The click stayed in the panel: the deck did not turn the slide.
    expect(await panel.isVisible()).toBe(true);
    await page.close();
  }, 60_000);

  it('says Redis is down, with the command that starts it, when the BullMQ lane has no broker', async () => {
    const offline = await startTestServer({ redisUrl: 'redis://127.0.0.1:1', workerConcurrency: 0 }, ['memory', 'bullmq']);
    try {
      const page = await deck.browser.newPage({ viewport: { width: 1280, height: 720 } });
      await openSlide(page, `${offline.url}/`, queueSlide);
      const panel = page.locator('.bespoke-marp-active [data-demo="queue"]');
      await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain('docker compose up -d redis');
      expect(await panel.getByRole('button', { name: '+100' }).isDisabled()).toBe(true);
      await page.close();
    } finally {
      await offline.stop();
    }
  }, 60_000);
});
