// `npm start`: the workers' Python (.venv) made on the first start, the preflight checklist, the deck built
// when its sources are newer than the build, then the demo serving it.
import { spawnSync } from 'node:child_process';
import { register } from 'tsx/esm/api';
import { deckIsStale } from './deck-freshness.mjs';
import { ensurePythonEnv } from './python-env.mjs';

// Before anything reads the configuration: PYTHON defaults to .venv's Python once it exists.
ensurePythonEnv();

register();
await import('./preflight/at-start.ts');

if (deckIsStale()) {
  console.log('Building the deck (npm run build)…');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The deck did not build; see above. The demo server starts anyway, serving the last build if any.');
  }
}

await import('../demo-server/src/main.ts');
