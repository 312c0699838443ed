import type { PanelModule } from './context.ts';
import * as batch from './panels/batch/mount.ts';
import * as chaining from './panels/chaining/mount.ts';
import * as monitoring from './panels/monitoring/mount.ts';
import * as queue from './panels/queue/mount.ts';
import * as race from './panels/race/mount.ts';
import * as reliability from './panels/reliability/mount.ts';
import * as results from './panels/results/mount.ts';
import * as retries from './panels/retries/mount.ts';
import * as scheduling from './panels/scheduling/mount.ts';
import * as webApi from './panels/web-api/mount.ts';

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
