import type { LaneHub } from '../monitor/lane-hub.ts';

/** Why a framework cannot run a demo's part now, and how to change that. */
export interface Unavailable {
  note: string;
  hint: string | null;
}

/**
 * A framework whose lane this server runs, up, with a worker that announced itself; otherwise why not,
 * in the lane's own words (its hint says how to start a worker).
 */
export function laneUnavailable(hub: LaneHub, lane: 'celery' | 'dramatiq' | 'bullmq', what: string): Unavailable | null {
  const found = hub.lane(lane);
  if (!found) return { note: `${what}: the ${lane} lane is not on this demo server`, hint: null };
  const health = found.health();
  if (health.status === 'down') return { note: health.detail ?? `${what}: its broker is down`, hint: health.hint ?? null };
  if (found.workers().length === 0) {
    // A lane whose own worker is booting gives no hint; one with none says how to start one.
    return health.hint ? { note: `${what} worker not running`, hint: health.hint } : { note: `${what} worker starting…`, hint: null };
  }
  return null;
}

/** Only the broker matters (the demo brings its own worker): a missing worker is no reason. */
export function brokerUnavailable(hub: LaneHub, lane: 'celery' | 'dramatiq' | 'bullmq', what: string): Unavailable | null {
  const reason = laneUnavailable(hub, lane, what);
  return reason && !reason.note.startsWith(`${what} worker `) ? reason : null;
}
