import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { buildDeck } from '../support/deck-build.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const deckFile = `file://${path.join(root, 'dist/index.html')}`;

/** Every panel source file's text: a label drawn only in a later state ("Resume", "Re-run") is written there as it is. */
function panelSources(dir = path.join(root, 'slides/panel')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => (entry.isDirectory() ? panelSources(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? readFileSync(path.join(dir, entry.name), 'utf8') : ''))
    .join('\n');
}

interface LiveSlide {
  number: number;
  heading: string;
  notes: string[];
  buttons: string[];
}

describe('the speaker notes of the live slides', () => {
  let browser: Browser;
  let slides: LiveSlide[];

  beforeAll(async () => {
    await buildDeck();
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(deckFile);
    // Panels draw their recorded runs, buttons included (hidden: nothing to act on in a static copy).
    await page.waitForFunction(() => [...document.querySelectorAll('section [data-demo]')].every((el) => el.childElementCount > 0));
    slides = await page.locator('section').evaluateAll((sections) =>
      sections.flatMap((section, i) => {
        if (!section.querySelector('[data-demo]')) return [];
        const notes = [...document.querySelectorAll(`.bespoke-marp-note[data-index="${i}"] p`)].map((p) => p.textContent ?? '');
        const buttons = [...section.querySelectorAll('[data-demo] button')].map((b) => b.textContent ?? '');
        return [{ number: i + 1, heading: section.querySelector('h1, h2')?.textContent ?? '', notes, buttons }];
      }),
    );
    await page.close();
  }, 180_000);
  afterAll(async () => browser?.close());

  it('open with the planned minutes and what to click, then what the room sees and the one point to make', () => {
    expect(slides.length).toBeGreaterThanOrEqual(15);
    for (const slide of slides) {
      const where = `slide ${slide.number} (${slide.heading})`;
      expect(slide.notes[0], where).toMatch(/^(appendix, )?\d+(\.\d+)? min — (Click "|Nothing to click)/);
      expect(slide.notes.filter((note) => note.startsWith('See: ')), where).toHaveLength(1);
      expect(slide.notes.filter((note) => note.startsWith('Point: ')), where).toHaveLength(1);
    }
  });

  it('name each button by the label the panel draws', () => {
    const sources = panelSources();
    const unknown = slides.flatMap((slide) =>
      [...slide.notes[0]!.matchAll(/"([^"]+)"/g)]
        .map(([, label]) => label!)
        .filter((label) => !slide.buttons.includes(label) && !sources.includes(`'${label}'`))
        .map((label) => `slide ${slide.number} (${slide.heading}): "${label}" (its buttons: ${slide.buttons.join(' | ')})`),
    );
    expect(unknown).toEqual([]);
  });
});
