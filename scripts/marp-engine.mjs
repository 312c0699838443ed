// The Marp engine of the deck: Marp Core plus three things a talk on a flaky
// conference network needs: no resource fetched from the internet, images that
// travel inside every export, and the live-panel bundle injected into the page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Marp } from '@marp-team/marp-core';
import { demoLinks } from './demo-links.mjs';
import { includeSource } from './include-source.mjs';

const IMAGE_TYPES = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

// Matches `@import "https://…";` and `@import url(https://…);`: Gaia pulls its
// web fonts this way, which would make every view of the deck hit the network.
const REMOTE_IMPORT = /@import\s+(?:url\(\s*)?["']?(?:https?:)?\/\/[^;]*;\s*/gi;

export function stripRemoteImports(css) {
  return css.replace(REMOTE_IMPORT, '');
}

// A bundle may legitimately contain the text "</script>"; inside an inline
// script that would end the element early, while "<\/script>" means the same to JS.
function escapeInlineScript(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

function readIfExists(file) {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/**
 * Every `<name>.json` of the recordings directory, keyed by name, as one inline script for the
 * panel bundle (`window.__DEMO_RECORDINGS__`): exports show recorded numbers without the network.
 * A file that is not JSON stops the build; whether it fits a panel is the panel's to check.
 */
export function recordingsScript(dir) {
  if (!dir || !existsSync(dir)) return '';
  const recordings = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    try {
      recordings[path.basename(file, '.json')] = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      throw new Error(`Recording ${path.join(dir, file)} is not valid JSON: ${error.message}`);
    }
  }
  if (Object.keys(recordings).length === 0) return '';
  // `<` escaped, so no recorded text can close the script element.
  const json = JSON.stringify(recordings).replace(/</g, '\\u003c');
  return `<script data-deck-recordings>window.__DEMO_RECORDINGS__=${json};</script>`;
}

export class DeckMarp extends Marp {
  /**
   * @param {object} options Marp Core options plus `deck`:
   *   `imageBaseDir`: directory that relative image paths in the markdown resolve against;
   *   `panelScript`, `panelStyle`: browser bundle files injected into every rendered page;
   *   `recordingsDir`: where `npm run record` leaves each panel's last run, embedded before the bundle.
   */
  constructor(options = {}) {
    const { deck, ...marpOptions } = options;
    if (!deck) throw new Error('DeckMarp needs options.deck (see marp.config.mjs)');
    super(marpOptions);
    this.deck = deck;

    // Re-registering a theme under the same @theme name replaces it, so themes
    // that `@import 'gaia'` get this offline copy.
    const gaia = this.themeSet.get('gaia');
    this.themeSet.add(stripRemoteImports(gaia.css));
  }

  applyMarkdownItPlugins(md) {
    super.applyMarkdownItPlugins(md);
    // Marp applies plugins from its constructor, before `this.deck` is set: read it when parsing.
    md.use(includeSource, { baseDir: () => this.deck.imageBaseDir });
    md.use(demoLinks);
    // Before Marpit records the image URL, so background images get the data: URI too.
    md.inline.ruler2.before('marpit_parse_image', 'deck_inline_local_images', ({ tokens }) => {
      for (const token of tokens) {
        if (token.type !== 'image') continue;
        const src = token.attrGet('src');
        if (src && isLocalPath(src)) token.attrSet('src', this.imageDataUri(src));
      }
    });
  }

  imageDataUri(src) {
    const file = path.resolve(this.deck.imageBaseDir, decodeURI(src.split(/[?#]/)[0]));
    const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
    if (!type) throw new Error(`Image ${src}: unsupported type (use ${Object.keys(IMAGE_TYPES).join(', ')})`);
    if (!existsSync(file)) throw new Error(`Image ${src}: ${file} does not exist`);
    return `data:${type};base64,${readFileSync(file).toString('base64')}`;
  }

  render(markdown, env = {}) {
    const result = super.render(markdown, env);
    // With htmlAsArray the caller assembles pages itself; the panel script is
    // page-level, so it only belongs in a whole-document render.
    if (typeof result.html !== 'string') return result;

    // Read on every render so a rebuilt bundle is picked up without restarting Marp.
    const script = readIfExists(this.deck.panelScript);
    if (script === undefined) {
      warnOnce(`${path.relative(process.cwd(), this.deck.panelScript)} not found: slides render without live panels.`);
      return result;
    }
    const style = readIfExists(this.deck.panelStyle);
    return {
      ...result,
      css: style === undefined ? result.css : `${result.css}\n${style}`,
      html: `${result.html}\n${recordingsScript(this.deck.recordingsDir)}<script data-deck-panel>${escapeInlineScript(script)}</script>`,
    };
  }
}

function isLocalPath(src) {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(src);
}

const warned = new Set();
function warnOnce(message) {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[deck] ${message}`);
}
