import { randomUUID } from 'node:crypto';
import type { JobSpec, LaneName, RaceResponse } from '../protocol/index.ts';
import type { LaneHub } from '../monitor/lane-hub.ts';

export interface RaceSetup {
  lanes: readonly LaneName[];
  job: JobSpec;
  count: number;
}

/**
 * The broker race: every lane is emptied and its counters zeroed, then each gets the same burst at
 * the same moment. Each lane's monitor follows its run, so every open deck sees the same race,
 * the finish of each lane and the winner, whichever window started it.
 */
export async function startBrokerRace(hub: LaneHub, { lanes, job, count }: RaceSetup, now: () => number = Date.now): Promise<RaceResponse> {
  const id = randomUUID().slice(0, 8);
  const entrants = lanes.map((name) => ({ name, lane: hub.lane(name)!, monitor: hub.monitor(name)! }));
  const errors = new Map<LaneName, string>();

  await Promise.all(
    entrants.map(async ({ name, lane, monitor }) => {
      // A producer still running would add jobs the race does not count.
      hub.producer(name)?.stop();
      try {
        await lane.reset();
        monitor.reset();
      } catch (error) {
        errors.set(name, (error as Error).message);
      }
    }),
  );

  const startedAt = now();
  const starting = entrants.filter(({ name }) => !errors.has(name));
  for (const { monitor } of starting) monitor.run.start(id, job.kind, count, startedAt);
  const accepted = new Map<LaneName, number>();
  await Promise.all(
    starting.map(async ({ name, lane, monitor }) => {
      try {
        const n = await lane.enqueue(job, count);
        accepted.set(name, n);
        monitor.run.settle(n, now());
      } catch (error) {
        errors.set(name, (error as Error).message);
        monitor.run.clear();
      }
    }),
  );

  return {
    id,
    lanes: lanes.map((name) => {
      const error = errors.get(name);
      return error === undefined ? { name, accepted: accepted.get(name) ?? 0 } : { name, accepted: 0, error };
    }),
  };
}
