// npm run build: the panel bundle, then the deck as dist/index.html (what `npm start` serves).
import path from 'node:path';
import { bundlePanel, renderDeck, root, runTimed } from './deck-build.mjs';

await runTimed('build', async () => {
  await bundlePanel();
  await renderDeck('html', path.join(root, 'dist/index.html'));
});
