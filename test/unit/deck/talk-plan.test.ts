import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SLOT_MINUTES, slidePlan, talkPlan } from '../../../scripts/talk-plan.mjs';

const slidesDir = fileURLToPath(new URL('../../../slides/', import.meta.url));
const deck = (...slides: string[]) => slides.join('\n\n---\n\n');

describe("the talk's plan, from the speaker notes", () => {
  it('reads each slide\'s minutes from the start of its first note; an included file is code, not a note', () => {
    const plan = slidePlan(
      deck(
        '<!-- class: invert -->\n\n# Title\n\n<!-- 0.5 min — welcome -->',
        '# Celery — the code\n\n<!-- include: ../demo-server/workers/celery_schedule.py -->\n\n<!-- 1.5 min — the code -->',
        '# Slide without minutes\n\n<!-- click the button -->',
        '# Result store — live\n\n<!-- appendix, 3 min — deep dive -->',
      ),
      { baseDir: slidesDir },
    );
    expect(plan).toEqual([
      { number: 1, headline: 'Title', minutes: 0.5, appendix: false },
      { number: 2, headline: 'Celery — the code', minutes: 1.5, appendix: false },
      { number: 3, headline: 'Slide without minutes', minutes: null, appendix: false },
      { number: 4, headline: 'Result store — live', minutes: 3, appendix: true },
    ]);
  });

  it('totals the main track and the appendix apart', () => {
    const plan = talkPlan(deck('# A\n\n<!-- 2 min -->', '# B\n\n<!-- 1.5 min -->', '# C\n\n<!-- appendix, 3 min -->'), { baseDir: slidesDir });
    expect(plan).toEqual({ main: { slides: 2, minutes: 3.5 }, appendix: { slides: 1, minutes: 3, headlines: ['C'] }, problems: [] });
  });

  it('names a main-track slide without minutes, one after the appendix began, and a main track over the slot', () => {
    const { problems } = talkPlan(
      deck('# Long\n\n<!-- 39 min -->', '# Silent', '# Deep\n\n<!-- appendix, 3 min -->', '# Stray\n\n<!-- 1 min -->'),
      { baseDir: slidesDir },
    );
    expect(problems).toEqual([
      'slide 2 (Silent) has no planned minutes: start its note with "<!-- 1 min — …"',
      'slide 4 (Stray) comes after the appendix began: move it before, or mark it "<!-- appendix, 2 min — …"',
    ]);
    expect(talkPlan(deck('# A\n\n<!-- 30 min -->', '# B\n\n<!-- 10.5 min -->'), { baseDir: slidesDir }).problems).toEqual([
      `the main track plans 40.5 min, over the ${SLOT_MINUTES}-minute slot: move a slide to the appendix or shorten one`,
    ]);
  });

  it('the deck fits its 40-minute slot, every slide planned, the appendix after References', () => {
    const markdown = readFileSync(new URL('deck.md', `file://${slidesDir}`), 'utf8');
    const plan = talkPlan(markdown, { baseDir: slidesDir });
    expect(plan.problems).toEqual([]);
    expect(plan.main.minutes).toBeLessThanOrEqual(SLOT_MINUTES);
    const slides = slidePlan(markdown, { baseDir: slidesDir });
    expect(slides.filter((slide) => slide.minutes === null).map((slide) => slide.headline)).toEqual([]);
    const appendixStart = slides.findIndex((slide) => slide.appendix);
    expect(slides[appendixStart - 1]?.headline).toBe('References');
    // Every demo of the main track's comparison tables that is not on the main track waits in the appendix.
    expect(plan.appendix.headlines).toEqual(expect.arrayContaining(['Result store — live', 'Scheduling — live', 'Monitoring — live', 'Chaining — live']));
  });
});
