import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useDeckServer } from '../support/deck-fixture.ts';
import { openSlide } from '../support/deck-page.ts';

/** Open decks the server counts on its socket, from /metrics. */
async function socketClients(url: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  return Number(/^demo_websocket_clients (\d+)/m.exec(metrics)?.[1]);
}

describe('presenter view and exports', () => {
  const deck = useDeckServer(['memory', 'bullmq', 'rabbitmq']);

  it('opens one demo connection that acts; the next-slide preview mirrors the race read-only', async () => {
    const sockets: string[] = [];
    const commands: string[] = [];
    const page = await deck.openSlide('Message Broker', {
      viewport: { width: 1600, height: 900 },
      query: '?view=presenter',
      prepare: (page) => {
        page.on('websocket', (ws) => sockets.push(ws.url()));
        page.on('request', (request) => {
          const from = request.frame() === page.mainFrame() ? 'presenter' : 'preview';
          if (new URL(request.url()).pathname.startsWith('/api/')) commands.push(`${request.method()} ${new URL(request.url()).pathname} from ${from}`);
        });
      },
    });
    const preview = page.frameLocator('iframe[src*="view=next"]');
    const main = page.locator('.bespoke-marp-active [data-demo="race"]');
    const start = main.getByRole('button', { name: 'Race 1,000' });
    await expect.poll(() => start.isEnabled(), { timeout: 15_000 }).toBe(true);
    // Every lane's worker has reported: none sits the race out.
    await expect.poll(() => main.locator('.demo-race-problem:not([hidden])').count(), { timeout: 15_000 }).toBe(0);

    await start.click();

    // The preview shows the next broker slide: the same race, from the main view, without buttons.
    const previewRace = preview.locator('.bespoke-marp-active [data-demo="race"]');
    await expect.poll(() => previewRace.locator('.demo-race-status').textContent(), { timeout: 60_000 }).toMatch(/^Winner: /);
    expect(await previewRace.locator('[data-lane="bullmq"][data-row="completed"]').textContent()).toBe('1,000');
    expect(await previewRace.getByRole('button').count()).toBe(0);
    expect(await previewRace.textContent()).toContain('Preview: the demo runs live');

    expect(sockets).toHaveLength(1);
    expect(await socketClients(deck.server.url)).toBe(1);
    expect(commands).toEqual(['POST /api/race from presenter']);
    await page.close();
  }, 90_000);

  it('in a static copy of the deck the panels show their recorded runs and touch no network', async () => {
    const page = await deck.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await openSlide(page, pathToFileURL(path.resolve('dist/index.html')).href, 'Message Broker');
    const race = page.locator('.bespoke-marp-active [data-demo="race"]');
    await expect.poll(() => race.textContent()).toMatch(/Run recorded \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(await race.textContent()).toContain('Winner: ');
    expect(await race.getByRole('button').count()).toBe(0);
    await page.waitForTimeout(1_000);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  }, 30_000);
});
