import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { launchChromium } from '../support/browser.ts';
import { buildDeck } from '../support/deck-build.ts';
import { getJson, startTestServer } from '../support/demo-server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** The slide that holds the queue panel, found the way a speaker would: by its title. */
async function openQueueSlide(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const slides = await page.locator('section').evaluateAll((sections) =>
    sections.map((s) => s.querySelector('h1')?.textContent ?? ''),
  );
  const index = slides.findIndex((title) => title.includes('Message Queue') && title.includes('live'));
  expect(index).toBeGreaterThanOrEqual(0);
  await page.goto(`${url}#${index + 1}`);
}

const completedCount = (page: Page) =>
  page.locator('.bespoke-marp-active [data-demo="queue"] [data-stat="completed"]');

describe('the live queue panel in the deck', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    await Promise.all([requireRedis(), requireRabbitmq()]);
    await buildDeck();
    server = await startTestServer();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) {
      await deleteNamespace(server.config.namespace);
      await purgeAmqpNamespace(server.config.namespace);
    }
  });

  it('runs 100 jobs through BullMQ from a click on the slide and shows them completed', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openQueueSlide(page, server.url);
    const panel = page.locator('.bespoke-marp-active [data-demo="queue"]');
    await expect.poll(() => panel.getByRole('button', { name: '+100' }).isEnabled(), { timeout: 15_000 }).toBe(true);

    await panel.getByRole('button', { name: '+100' }).click();

    await expect.poll(() => completedCount(page).textContent(), { timeout: 20_000 }).toBe('100');
    expect(await getJson(`${server.url}/api/lanes/bullmq/stats`)).toMatchObject({ completed: 100, failed: 0 });
    // The click stayed in the panel: the deck did not turn the slide.
    expect(await panel.isVisible()).toBe(true);
    await page.close();
  }, 60_000);

  it('says Redis is down, with the command that starts it, when the BullMQ lane has no broker', async () => {
    const offline = await startTestServer({ redisUrl: 'redis://127.0.0.1:1', workerConcurrency: 0 }, ['memory', 'bullmq']);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await openQueueSlide(page, offline.url);
      const panel = page.locator('.bespoke-marp-active [data-demo="queue"]');
      await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain('docker compose up -d redis');
      expect(await panel.getByRole('button', { name: '+100' }).isDisabled()).toBe(true);
      await page.close();
    } finally {
      await offline.stop();
    }
  }, 60_000);
});
