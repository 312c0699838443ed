// The talk's timing, read from the speaker notes: each slide's first note starts with its planned
// minutes, `<!-- 1.5 min — … -->` on the main track, `<!-- appendix, 3 min — … -->` for the deep
// dives after References. The build prints the main track's total and stops when it is over the
// slot, when a main-track slide has no minutes, or when the main track goes on after the appendix.
import { Marp } from '@marp-team/marp-core';
import { includeSource } from './include-source.mjs';

/** The user-group slot the main track must fit, minutes. */
export const SLOT_MINUTES = 40;

const MINUTES = /^(appendix,\s*)?(\d+(?:\.\d+)?)\s*min\b/i;

const plainText = (token) =>
  token.type === 'text' || token.type === 'code_inline' ? token.content : (token.children ?? []).map(plainText).join('');

/** A slide's first heading, or its first line of text when it has none, as the audience reads it. */
function headlineOf(tokens) {
  const at = tokens.findIndex((token) => token.type === 'heading_open');
  const inline = at >= 0 ? tokens[at + 1] : tokens.find((token) => token.type === 'inline' && plainText(token).trim());
  return inline ? plainText(inline).trim() : '';
}

/** Every slide's number, headline, planned minutes (null when its note gives none) and track. */
export function slidePlan(markdown, { baseDir }) {
  const marp = new Marp({ html: true });
  // The include lines are code, not notes: read them the way the build does.
  marp.use(includeSource, { baseDir: () => baseDir });
  const { comments } = marp.render(markdown);
  return comments.map((notes, i) => {
    const match = MINUTES.exec((notes[0] ?? '').trim());
    return {
      number: i + 1,
      headline: headlineOf(marp.lastSlideTokens[i] ?? []),
      minutes: match ? Number(match[2]) : null,
      appendix: Boolean(match?.[1]),
    };
  });
}

/** The plan's totals and what is wrong with it; `problems` empty means the talk fits its slot. */
export function talkPlan(markdown, options) {
  const slides = slidePlan(markdown, options);
  const firstAppendix = slides.findIndex((slide) => slide.appendix);
  const main = firstAppendix < 0 ? slides : slides.slice(0, firstAppendix);
  const appendix = firstAppendix < 0 ? [] : slides.slice(firstAppendix);
  const sum = (list) => list.reduce((total, slide) => total + (slide.minutes ?? 0), 0);
  const name = (slide) => `slide ${slide.number} (${slide.headline || 'no headline'})`;
  const problems = [
    ...main.filter((slide) => slide.minutes === null).map((slide) => `${name(slide)} has no planned minutes: start its note with "<!-- 1 min — …"`),
    ...appendix.filter((slide) => !slide.appendix).map((slide) => `${name(slide)} comes after the appendix began: move it before, or mark it "<!-- appendix, 2 min — …"`),
  ];
  const mainMinutes = sum(main);
  if (mainMinutes > SLOT_MINUTES) problems.push(`the main track plans ${mainMinutes} min, over the ${SLOT_MINUTES}-minute slot: move a slide to the appendix or shorten one`);
  return {
    main: { slides: main.length, minutes: mainMinutes },
    appendix: { slides: appendix.length, minutes: sum(appendix), headlines: appendix.map((slide) => slide.headline) },
    problems,
  };
}
