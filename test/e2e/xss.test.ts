import { describe, expect, it } from 'vitest';
import { useDeckServer } from '../support/deck-fixture.ts';

const payload = '<img src=x onerror="window.__xss=1">';

describe('text from outside the deck', () => {
  const deck = useDeckServer(['memory', 'bullmq'], { workerConcurrency: 0 });

  it('is rendered as text: lane details holding markup show as markup and run nothing', async () => {
    // A broker error message is outside text: here one holding markup, put into the real
    // server's messages on their way to the deck.
    const page = await deck.openSlide('Message Queue — live', {
      prepare: (page) =>
        page.routeWebSocket(/\/ws$/, (ws) => {
          const server = ws.connectToServer();
          server.onMessage((message) => {
            const parsed = JSON.parse(String(message));
            for (const lane of parsed.lanes ?? []) {
              if (lane.name === 'bullmq') lane.health = { name: 'bullmq', status: 'down', detail: payload, hint: payload };
            }
            ws.send(JSON.stringify(parsed));
          });
          ws.onMessage((message) => server.send(message));
        }),
    });
    const panel = page.locator('.bespoke-marp-active [data-demo="queue"]');
    await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain(payload);
    expect(await panel.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  }, 60_000);
});
