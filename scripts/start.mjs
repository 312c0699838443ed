// `npm start`: builds the deck when its sources are newer than the build, then serves it with the demo.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

const built = 'dist/index.html';
// The worker modules are on the Celery and Dramatiq slides.
const sources = ['slides', 'images', 'marp.config.mjs', 'scripts', 'demo-server/src/protocol', 'demo-server/workers'];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

const needsBuild = !existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map(newestChange));
if (needsBuild) {
  console.log('Building the deck (npm run build)…');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The deck did not build; see above. The demo server starts anyway, serving the last build if any.');
  }
}

register();
await import('../demo-server/src/main.ts');
