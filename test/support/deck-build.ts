import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { deckIsStale } from '../../scripts/deck-freshness.mjs';

const run = promisify(execFile);

/**
 * Builds the deck exactly as `npm run build` does, so browser tests drive what users get;
 * a build newer than every source is used as it is, so the browser tests build once per run.
 */
export async function buildDeck(): Promise<void> {
  if (!deckIsStale()) return;
  await run(process.execPath, ['scripts/build.mjs'], { timeout: 120_000 });
}
