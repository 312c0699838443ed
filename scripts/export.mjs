// npm run export:{html,pdf,pptx}: node scripts/export.mjs <format> [output file]
// Default output: dist/deck.<format>. Bundles the panel first so it works from a fresh clone.
import path from 'node:path';
import { bundlePanel, renderDeck, root, runTimed } from './deck-build.mjs';

const [format, output] = process.argv.slice(2);

await runTimed(`export ${format}`, async () => {
  await bundlePanel();
  await renderDeck(format, output ? path.resolve(output) : path.join(root, `dist/deck.${format}`));
});
