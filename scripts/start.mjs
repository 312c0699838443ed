// `npm start`: builds the deck when its sources are newer than the build, makes the workers' Python (.venv)
// on the first start, then serves the deck with the demo.
import { spawnSync } from 'node:child_process';
import { register } from 'tsx/esm/api';
import { deckIsStale } from './deck-freshness.mjs';
import { ensurePythonEnv } from './python-env.mjs';

if (deckIsStale()) {
  console.log('Building the deck (npm run build)…');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The deck did not build; see above. The demo server starts anyway, serving the last build if any.');
  }
}

// Before the server reads its configuration: PYTHON defaults to .venv's Python once it exists.
ensurePythonEnv();

register();
await import('../demo-server/src/main.ts');
