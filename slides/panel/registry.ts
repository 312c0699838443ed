import type { PanelModule } from './context.ts';
import * as batch from './panels/batch.ts';
import * as chaining from './panels/chaining.ts';
import * as monitoring from './panels/monitoring.ts';
import * as queue from './panels/queue.ts';
import * as race from './panels/race.ts';
import * as reliability from './panels/reliability.ts';
import * as results from './panels/results.ts';
import * as retries from './panels/retries.ts';
import * as scheduling from './panels/scheduling.ts';
import * as webApi from './panels/web-api.ts';

/** Every panel a slide may name in `data-demo`, explicitly: adding a panel is one line here. */
export const panels = {
  chaining,
  queue,
  race,
  results,
  scheduling,
  'web-api': webApi,
  batch,
  monitoring,
  reliability,
  retries,
} as const satisfies Record<string, PanelModule>;

export type PanelName = keyof typeof panels;

export function isPanelName(name: string): name is PanelName {
  return Object.hasOwn(panels, name);
}
