import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { buildDeck } from '../support/deck-build.ts';
import { slideNumber } from '../support/deck-page.ts';

const deckFile = `file://${new URL('../../dist/index.html', import.meta.url).pathname}`;

interface DemoLink {
  text: string;
  href: string;
  slide: string;
}

/** The links to a slide number (`#N`) on the slides matching `slides`: what `#demo:…` links become. */
function demoLinksOn(page: Page, slides: string): Promise<DemoLink[]> {
  return page.locator(`${slides} a[href^="#"]`).evaluateAll((links) =>
    links.map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') ?? '', slide: a.closest('section')!.id })),
  );
}

/** Clicks each link as a speaker would, from its own slide, and returns the heading of the slide it lands on. */
async function follow(page: Page, link: DemoLink): Promise<string> {
  await page.goto(`${deckFile}#${link.slide}`);
  await page.locator('.bespoke-marp-active a', { hasText: link.text }).first().click();
  await expect.poll(() => page.evaluate(() => location.hash), { timeout: 5_000 }).toBe(link.href);
  expect(await page.locator('.bespoke-marp-active [data-demo]').count(), `${link.text} → ${link.href}`).toBeGreaterThan(0);
  return (await page.locator('.bespoke-marp-active :is(h1, h2)').first().textContent()) ?? '';
}

describe('links to the live demos', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await buildDeck();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(deckFile);
  }, 180_000);
  afterAll(async () => browser?.close());

  it('go from each comparison row to the slide of its demo; Broker Support to the Celery vs. Dramatiq race', async () => {
    const rows = await demoLinksOn(page, 'section.comparison table td:first-child');
    expect(rows.map((row) => row.text)).toEqual(['Broker Support', 'Result Store Support', 'Scheduling', 'Monitoring', 'Chaining']);
    const landed: Record<string, string> = {};
    for (const row of rows) landed[row.text] = await follow(page, row);
    expect(landed).toEqual({
      'Broker Support': 'Celery vs. Dramatiq — the race',
      'Result Store Support': 'Result store — live',
      Scheduling: 'Scheduling — live',
      Monitoring: 'Monitoring — live',
      Chaining: 'Chaining — live',
    });
  }, 60_000);

  it('reach the appendix, after References, from the outline and the appendix page; browser Back returns', async () => {
    await page.goto(deckFile);
    const references = await slideNumber(page, 'References');
    const outline = await slideNumber(page, 'Outline');
    const links = [...(await demoLinksOn(page, `section[id="${outline}"]`)), ...(await demoLinksOn(page, 'section:has(h1:text-is("Appendix: deep dives"))'))];
    expect(links.map((link) => link.text)).toEqual(expect.arrayContaining(['Result store', 'Scheduling', 'Monitoring', 'Chaining', 'Batch']));
    expect(links).toHaveLength(10);
    for (const link of links) {
      await follow(page, link);
      expect(Number(link.href.slice(1)), `${link.text} is in the appendix`).toBeGreaterThan(references);
    }
    await page.goto(`${deckFile}#${outline}`);
    await page.locator('.bespoke-marp-active a', { hasText: 'Chaining' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(`#${outline}`);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${outline}`);
  }, 60_000);
});
