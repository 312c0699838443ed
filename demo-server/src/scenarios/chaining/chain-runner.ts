import type { ChainFramework } from '../../protocol/demos/chaining.ts';
import type { LaneHub } from '../../monitor/lane-hub.ts';
import type { ChainRun } from './chain-run.ts';

/** Why a framework cannot run the pipeline now, and how to change that. */
export interface Unavailable {
  note: string;
  hint: string | null;
}

/** One framework's way of running the three-step pipeline, following each step by the framework's own events. */
export interface ChainRunner {
  readonly framework: ChainFramework;
  unavailable(): Unavailable | null;
  /** Sends the pipeline; resolves once the broker has it. The run it returns moves as events arrive. */
  run(failMiddle: boolean): Promise<ChainRun>;
  /** Forgets the current run: its late events change nothing. */
  forget(): Promise<void>;
  close(): Promise<void>;
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
    return { note: `${what} worker not running: ${health.detail ?? 'no worker has announced itself'}`, hint: health.hint ?? null };
  }
  return null;
}
