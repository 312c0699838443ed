import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { launchChromium } from '../support/browser.ts';
import { buildDeck } from '../support/deck-build.ts';
import { openSlide } from '../support/deck-page.ts';
import { uniqueNamespace } from '../support/demo-server.ts';
import { freePort } from '../support/private-brokers.ts';
import { ServerProcess } from '../support/server-process.ts';

describe('the deck when the demo server goes away and comes back', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    await Promise.all([requireRedis(), requireRabbitmq()]);
    await buildDeck();
    server = new ServerProcess(await freePort(), uniqueNamespace(), { WORKER_CONCURRENCY: '0' });
    await server.start();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    if (server) {
      await deleteNamespace(server.namespace);
      await purgeAmqpNamespace(server.namespace);
    }
  });

  it('shows the offline banner when the server dies, and comes back live without a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openSlide(page, `${server.url}/`, 'Message Queue — live');
    const panel = page.locator('.bespoke-marp-active [data-demo="queue"]');
    const button = panel.getByRole('button', { name: '+100' });
    const banner = panel.locator('.demo-banner');
    await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    await server.kill();
    await expect.poll(() => banner.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await banner.textContent()).toContain('Demo server offline');
    expect(await button.isDisabled()).toBe(true);

    await server.start();
    // The socket retries on its own (at most 5 s apart) and takes a fresh snapshot.
    await expect.poll(() => banner.isVisible(), { timeout: 20_000 }).toBe(false);
    await expect.poll(() => button.isEnabled(), { timeout: 5_000 }).toBe(true);
    expect(await panel.locator('.demo-health').textContent()).toContain('up');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await page.close();
  }, 90_000);
});
