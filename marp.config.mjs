import { fileURLToPath } from 'node:url';
import { DeckMarp } from './scripts/marp-engine.mjs';

const here = (relative) => fileURLToPath(new URL(relative, import.meta.url));

export default {
  engine: DeckMarp,
  // Only the HTML the deck uses: panel mount points and line breaks in table cells.
  html: {
    div: ['data-demo', 'data-lane', 'data-lanes', 'data-kind', 'data-focus'],
    br: [],
  },
  options: {
    // Native emoji font instead of Twemoji images from a CDN.
    emoji: { shortcode: true, unicode: false },
    deck: {
      imageBaseDir: here('./slides/'),
      panelScript: here('./dist/panel.js'),
      panelStyle: here('./dist/panel.css'),
      recordingsDir: here('./slides/recordings/'),
    },
  },
  themeSet: [here('./slides/theme/')],
  lang: 'en',
  author: 'Joseph Riddle',
  description: 'Spokane Python User Group talk, with live panels that run real jobs through real queues.',
  // PDF/PPTX rendering of the whole deck in a cold Chromium can exceed the 30 s default.
  browserTimeout: 180,
};
