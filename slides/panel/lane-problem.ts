import type { LaneName } from '../../demo-server/src/protocol/index.ts';
import type { StoreState } from './store.ts';

/**
 * Why a lane a demo is about to use cannot do its part, with the command that fixes it (a backticked
 * part is set as code): absent from this server, broker down, or up with no worker to take the jobs.
 */
export function laneProblem(store: StoreState | undefined, lane: LaneName): string | undefined {
  if (!store?.everConnected) return undefined;
  const state = store.lanes.get(lane);
  if (!state) return `${lane}: not on this demo server.`;
  const label = state.capabilities.label;
  const { status, detail, hint } = state.health;
  if (status === 'down') return [`${label} is down${detail ? `: ${detail}` : ''}.`, hint].filter(Boolean).join(' ');
  if (detail && state.workers.length === 0) return [`${label}: ${detail}.`, hint].filter(Boolean).join(' ');
  return undefined;
}
