import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { buildDeck } from '../support/deck-build.ts';

const deckFile = `file://${new URL('../../dist/index.html', import.meta.url).pathname}`;

describe('the comparison tables', () => {
  let browser: Browser;

  beforeAll(async () => {
    await buildDeck();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => browser?.close());

  it('link each row header to the slide of its live demo, and a click goes there', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(deckFile);
      const rows = await page.locator('section.comparison table td:first-child a').evaluateAll((links) =>
        links.map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') ?? '', slide: a.closest('section')!.id })),
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        await page.goto(`${deckFile}#${row.slide}`);
        await page.locator('.bespoke-marp-active table a', { hasText: row.text }).click();
        await expect.poll(() => page.evaluate(() => location.hash), { timeout: 5_000 }).toBe(row.href);
        expect(await page.locator('.bespoke-marp-active [data-demo]').count(), `${row.text} → ${row.href}`).toBeGreaterThan(0);
      }
    } finally {
      await page.close();
    }
  }, 60_000);
});
