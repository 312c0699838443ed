import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { buildDeck } from '../support/deck-build.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

const codeSlides = [
  { title: 'Celery — the code', file: 'demo-server/workers/celery_tasks.py' },
  { title: 'Dramatiq — the code', file: 'demo-server/workers/dramatiq_actors.py' },
];

describe('the Celery and Dramatiq code slides', () => {
  let browser: Browser;
  let html: string;

  beforeAll(async () => {
    await buildDeck();
    html = read('dist/index.html');
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => browser?.close());

  it.each(codeSlides)('$title shows $file as it is, read when the deck is built', ({ file }) => {
    const escaped = read(file).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
    expect(html).toContain(`<pre class="included-source"><code class="language-python">${escaped}</code></pre>`);
    // Included, never pasted: the deck's source names the file and holds none of its code.
    expect(read('slides/deck.md')).toContain(`<!-- include: ../${file} -->`);
    expect(read('slides/deck.md')).not.toContain('@app.task');
  });

  it.each(codeSlides)('$title fits on a 1280x720 slide without wrapping a line', async ({ title, file }) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(`file://${new URL('../../dist/index.html', import.meta.url).pathname}`);
      const titles = await page.locator('section').evaluateAll((sections) => sections.map((s) => s.querySelector('h1')?.textContent ?? ''));
      await page.goto(`file://${new URL('../../dist/index.html', import.meta.url).pathname}#${titles.indexOf(title) + 1}`);
      const layout = await page.locator('.bespoke-marp-active pre.included-source').evaluate((pre) => {
        // Each source line in a span of its own: a line the column wraps is drawn on more than one row.
        const code = pre.querySelector('code')!;
        const lines = code.textContent!.split('\n');
        code.replaceChildren(...lines.flatMap((line, i) => [Object.assign(document.createElement('span'), { textContent: line }), i < lines.length - 1 ? '\n' : '']));
        const rows = (span: Element) => new Set([...span.getClientRects()].map((rect) => Math.round(rect.top))).size;
        const wrapped = [...code.querySelectorAll('span')].filter((span) => rows(span) > 1).map((span) => span.textContent);
        return {
          wrapped,
          overflowsSideways: pre.scrollWidth > pre.clientWidth,
          bottom: pre.getBoundingClientRect().bottom,
          slideBottom: pre.closest('section')!.getBoundingClientRect().bottom,
        };
      });
      expect(layout.wrapped).toEqual([]);
      expect(layout.overflowsSideways).toBe(false);
      expect(layout.bottom).toBeLessThanOrEqual(layout.slideBottom);
    } finally {
      await page.close();
    }
  });
});
