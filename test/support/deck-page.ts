import type { Page } from 'playwright-core';

/** The 1-based number of the first slide whose heading contains `title`, as the deck's `#N` hash counts. */
export async function slideNumber(page: Page, title: string): Promise<number> {
  const headings = await page.locator('section').evaluateAll((sections) =>
    sections.map((s) => s.querySelector('h1, h2')?.textContent ?? ''),
  );
  const index = headings.findIndex((heading) => heading.includes(title));
  if (index < 0) throw new Error(`No slide titled “${title}” in the deck: ${headings.join(' | ')}`);
  return index + 1;
}

/** Opens the deck at `deckUrl` (e.g. `http://…/?view=presenter`) on the slide titled `title`, found as a speaker would. */
export async function openSlide(page: Page, deckUrl: string, title: string): Promise<number> {
  await page.goto(deckUrl);
  const n = await slideNumber(page, title);
  await page.goto(`${deckUrl}#${n}`);
  return n;
}
