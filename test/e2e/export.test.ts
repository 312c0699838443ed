// Exports the real deck through the npm export script (Marp CLI + system Chromium) and reads
// the results back: poppler's pdfinfo/pdftotext for the PDF, the file itself for the HTML.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Marp } from '@marp-team/marp-core';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const deck = readFileSync(path.join(root, 'slides/deck.md'), 'utf8');
const outDir = mkdtempSync(path.join(tmpdir(), 'deck-export-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface Token {
  type: string;
  content: string;
  children: Token[] | null;
}

const plainText = (inline: Token): string =>
  (inline.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('')
    .trim();

/** Each slide's headline: its first heading, or its first line of text when it has no heading. */
function slideHeadlines(markdown: string): string[] {
  const tokens: Token[] = new Marp().markdown.parse(markdown, {});
  const headlines: string[] = [];
  let slide: { heading?: string; text?: string } | undefined;
  tokens.forEach((token, i) => {
    if (token.type === 'marpit_slide_open') slide = {};
    else if (token.type === 'marpit_slide_close' && slide) headlines.push(slide.heading ?? slide.text ?? '');
    else if (slide && token.type === 'inline') {
      const text = plainText(token);
      if (tokens[i - 1]?.type === 'heading_open') slide.heading ??= text;
      else if (text) slide.text ??= text;
    }
  });
  return headlines;
}

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();

async function exportDeck(format: 'pdf' | 'html'): Promise<string> {
  const file = path.join(outDir, `deck.${format}`);
  await run(process.execPath, [path.join(root, 'scripts/export.mjs'), format, file], { cwd: root });
  return file;
}

describe('deck export', () => {
  const headlines = slideHeadlines(deck);

  it('finds a headline on every slide of deck.md', () => {
    expect(headlines.length).toBeGreaterThanOrEqual(20);
    expect(headlines.filter((headline) => !headline)).toEqual([]);
  });

  it('PDF has one page per slide, each with its headline', async () => {
    const pdf = await exportDeck('pdf');

    const { stdout: info } = await run('pdfinfo', [pdf]);
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(headlines.length);

    const pages = await Promise.all(
      headlines.map(async (_, i) => {
        const page = String(i + 1);
        const { stdout } = await run('pdftotext', ['-f', page, '-l', page, '-enc', 'UTF-8', pdf, '-']);
        return normalize(stdout);
      }),
    );
    headlines.forEach((headline, i) => {
      expect(pages[i], `page ${i + 1}`).toContain(normalize(headline));
    });

    // Every live panel shows its recorded run in the PDF: when it was recorded, and its numbers.
    const race = JSON.parse(readFileSync(path.join(root, 'slides/recordings/race.json'), 'utf8'));
    const raced = normalize(Number(race.lanes.memory.run.count).toLocaleString('en-US'));
    for (const title of ['Message Queue — live', 'Message Broker', 'RabbitMQ', 'Redis']) {
      const page = pages[headlines.indexOf(title)];
      expect(page, title).toMatch(/recorded \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
      if (title !== 'Message Queue — live') expect(page, title).toMatch(new RegExp(`Winner: [^,]+, ${raced} jobs in [\\d.]+ s`));
    }

    const all = pages.join('\n');
    for (const fact of [
      'Spokane Python User Group',
      'Joseph Riddle',
      'https://forms.office.com/r/EFnAfpu3Ue',
      'communication between computer processes',
      'Celery vs. Dramatiq',
      '17.7K',
      '2.7K',
      'Result Store Support',
      'Accomplished via APScheduler',
      'better.engineering/message-queues',
      'Questions?',
    ]) {
      expect(all).toContain(fact);
    }
    expect(all).not.toContain('communcation');
    // The diagram is drawn in SVG, so its labels are text in the PDF.
    expect(pages[headlines.indexOf('Diagram after https://better.engineering/message-queues/')]).toMatch(
      /Producer.*Consumer/,
    );
  }, 240_000);

  it('standalone HTML keeps the panel mount point and table line breaks, and loads nothing remote', async () => {
    const html = readFileSync(await exportDeck('html'), 'utf8');

    expect(html).toContain('<div data-demo="queue" data-lane="bullmq"></div>');
    expect(html).toMatch(/window\.__DEMO_RECORDINGS__=\{[^<]*"queue":\{"panel":"queue"/);
    expect(html).toMatch(/<td>RabbitMQ<br \/> Redis<br \/> Amazon SQS<br \/> more\.\.\.<\/td>/);
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,/);
    expect(html).not.toMatch(/(?:\bsrc\s*=\s*["']?|@import\s+(?:url\(\s*)?["']?|\burl\(\s*["']?)(?:https?:)?\/\//i);
    expect(html).not.toContain('twemoji');
  }, 120_000);
});
