// Whether dist/index.html is older than anything it is built from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const builtDeck = 'dist/index.html';
// The worker modules are on the Celery and Dramatiq slides.
const sources = ['slides', 'images', 'marp.config.mjs', 'scripts', 'demo-server/src/protocol', 'demo-server/workers'];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

export function deckIsStale() {
  return !existsSync(builtDeck) || statSync(builtDeck).mtimeMs < Math.max(...sources.map(newestChange));
}
