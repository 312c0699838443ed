import { isLaneName, type LaneName } from '../../demo-server/src/protocol/index.ts';

/** Every lane a race panel of the deck shows (`data-lanes`), so adding a column to a slide adds it to the recorded race. */
export function deckRaceLanes(deckMarkdown: string): LaneName[] {
  const names = [...deckMarkdown.matchAll(/data-demo="race"[^>]*?data-lanes="([^"]*)"/g)].flatMap((match) => match[1]!.split(','));
  return [...new Set(names.map((name) => name.trim()).filter(isLaneName))];
}
