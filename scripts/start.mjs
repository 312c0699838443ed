// `npm start`: builds the deck when its sources are newer than the build, then serves it with the demo.
import { spawnSync } from 'node:child_process';
import { register } from 'tsx/esm/api';
import { deckIsStale } from './deck-freshness.mjs';

if (deckIsStale()) {
  console.log('Building the deck (npm run build)…');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The deck did not build; see above. The demo server starts anyway, serving the last build if any.');
  }
}

register();
await import('../demo-server/src/main.ts');
