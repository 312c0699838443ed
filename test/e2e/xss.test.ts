import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteNamespace } from '../support/brokers.ts';
import { launchChromium } from '../support/browser.ts';
import { buildDeck } from '../support/deck-build.ts';
import { startTestServer } from '../support/demo-server.ts';

const payload = '<img src=x onerror="window.__xss=1">';

describe('text from outside the deck', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    await buildDeck();
    server = await startTestServer({ workerConcurrency: 0 }, ['memory', 'bullmq']);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) await deleteNamespace(server.config.namespace);
  });

  it('is rendered as text: lane details holding markup show as markup and run nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // A broker error message is outside text: here one holding markup, put into the real
    // server's messages on their way to the deck.
    await page.routeWebSocket(/\/ws$/, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        const parsed = JSON.parse(String(message));
        for (const lane of parsed.lanes ?? []) {
          if (lane.name === 'bullmq') lane.health = { name: 'bullmq', status: 'down', detail: payload, hint: payload };
        }
        ws.send(JSON.stringify(parsed));
      });
      ws.onMessage((message) => server.send(message));
    });
    await page.goto(`${server.url}/`);
    const titles = await page.locator('section h1').allTextContents();
    await page.goto(`${server.url}/#${titles.findIndex((t) => t.includes('Message Queue') && t.includes('live')) + 1}`);
    const panel = page.locator('.bespoke-marp-active [data-demo="queue"]');
    await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain(payload);
    expect(await panel.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  }, 60_000);
});
