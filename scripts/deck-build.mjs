// Steps shared by `npm run build` and the `export:*` scripts.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build as esbuild } from 'esbuild';
import { marpCli } from '@marp-team/marp-cli';
import { SLOT_MINUTES, talkPlan } from './talk-plan.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
const deckPath = path.join(root, 'slides/deck.md');
const configPath = path.join(root, 'marp.config.mjs');
const panelEntry = path.join(root, 'slides/panel/main.ts');
const panelScript = path.join(root, 'dist/panel.js');
const panelStyle = path.join(root, 'dist/panel.css');

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const relative = (file) => path.relative(process.cwd(), file) || '.';

function describe(file, startedAt) {
  const kb = (statSync(file).size / 1024).toFixed(0);
  const ms = performance.now() - startedAt;
  const took = ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`;
  return `${relative(file)} (${kb} KB) in ${took}`;
}

/** Bundles the live-panel browser code into dist/panel.js (and dist/panel.css if it imports CSS). */
export async function bundlePanel() {
  // A previous bundle would otherwise be injected into the deck although its source is gone or changed.
  rmSync(panelScript, { force: true });
  rmSync(panelStyle, { force: true });
  if (!existsSync(panelEntry)) {
    console.warn(`[deck] ${relative(panelEntry)} does not exist yet: building the deck without live panels.`);
    return;
  }
  const startedAt = performance.now();
  await esbuild({
    entryPoints: [panelEntry],
    outfile: panelScript,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
  });
  console.log(`[deck] bundled ${describe(panelScript, startedAt)}`);
  if (existsSync(panelStyle)) console.log(`[deck] bundled ${relative(panelStyle)}`);
}

/**
 * Prints the talk's planned minutes (main track and appendix, from the speaker notes); throws when
 * the main track is over its slot or a main-track slide has no minutes (scripts/talk-plan.mjs).
 */
export function checkTalkPlan() {
  const plan = talkPlan(readFileSync(deckPath, 'utf8'), { baseDir: path.dirname(deckPath) });
  console.log(
    `[deck] main track: ${plan.main.slides} slides, ${plan.main.minutes} min planned (slot: ${SLOT_MINUTES}); ` +
      `appendix: ${plan.appendix.slides} slides, ${plan.appendix.minutes} min`,
  );
  if (plan.problems.length > 0) throw new Error(`the talk does not fit its plan:\n  ${plan.problems.join('\n  ')}`);
}

const FORMAT_FLAGS = { html: [], pdf: ['--pdf'], pptx: ['--pptx'] };

/** Renders slides/deck.md with marp.config.mjs into `outFile` as html, pdf or pptx. */
export async function renderDeck(format, outFile) {
  const flags = FORMAT_FLAGS[format];
  if (!flags) throw new Error(`Unknown format "${format}" (expected ${Object.keys(FORMAT_FLAGS).join(', ')})`);
  // Marp CLI finds Chrome by itself on most machines; Debian's Chromium is not on its list.
  // (As root or in a container Marp CLI already launches it with --no-sandbox.)
  if (format !== 'html' && !process.env.CHROME_PATH && existsSync(SYSTEM_CHROMIUM)) {
    process.env.CHROME_PATH = SYSTEM_CHROMIUM;
  }
  checkTalkPlan();
  const startedAt = performance.now();
  const exitCode = await marpCli([deckPath, '--config-file', configPath, '--output', outFile, ...flags]);
  if (exitCode !== 0) throw new Error(`Marp CLI exited with code ${exitCode} converting to ${format}`);
  if (format === 'html') assertNoRemoteResources(outFile);
  console.log(`[deck] wrote ${describe(outFile, startedAt)}`);
}

// Anything the page would fetch by itself: src attributes, CSS imports, CSS url().
// Plain links (<a href>) are fine: they load only when clicked.
const REMOTE_RESOURCE = /(?:\bsrc\s*=\s*["']?|@import\s+(?:url\(\s*)?["']?|\burl\(\s*["']?)(?:https?:)?\/\/[^\s"')]+/gi;

/** Fails when the built page would load anything from the network at view time. */
export function assertNoRemoteResources(htmlFile) {
  const found = readFileSync(htmlFile, 'utf8').match(REMOTE_RESOURCE);
  if (found) {
    throw new Error(`${relative(htmlFile)} loads remote resources at view time:\n  ${[...new Set(found)].join('\n  ')}`);
  }
}

/** Runs a script body, printing its total time, and exits non-zero with the message on failure. */
export async function runTimed(label, body) {
  const startedAt = performance.now();
  try {
    await body();
    console.log(`[deck] ${label} done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`[deck] ${label} failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
