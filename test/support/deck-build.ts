import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Builds the deck exactly as `npm run build` does, so browser tests drive what users get. */
export async function buildDeck(): Promise<void> {
  await run(process.execPath, ['scripts/build.mjs'], { timeout: 120_000 });
}
