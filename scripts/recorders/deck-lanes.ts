import { isLaneName, type LaneName } from '../../demo-server/src/protocol/index.ts';

const lanesOf = (names: string[]): LaneName[] => [...new Set(names.map((name) => name.trim()).filter(isLaneName))];

/** Every lane a race panel of the deck shows (`data-lanes`), so adding a column to a slide adds it to the recorded race. */
export function deckRaceLanes(deckMarkdown: string): LaneName[] {
  return lanesOf([...deckMarkdown.matchAll(/data-demo="race"[^>]*?data-lanes="([^"]*)"/g)].flatMap((match) => match[1]!.split(',')));
}

/** Every lane a queue panel of the deck shows (`data-lane`): BullMQ's, Celery's and Dramatiq's slides. */
export function deckQueueLanes(deckMarkdown: string): LaneName[] {
  return lanesOf([...deckMarkdown.matchAll(/data-demo="queue"[^>]*?data-lane="([^"]*)"/g)].map((match) => match[1]!));
}
