import type { LaneName } from '../../demo-server/src/protocol/index.ts';

/**
 * Recordings keep no hosts or process ids: a lane's worker id (`bullmq@laptop:4242`, Celery's
 * `demo-server-4242@laptop`) becomes `bullmq worker 1`, numbered per lane in the order first met,
 * the same name for the same id throughout one recording.
 */
export function anonymousWorkers(): (lane: LaneName, id: string) => string {
  const names = new Map<string, string>();
  const perLane = new Map<LaneName, number>();
  return (lane, id) => {
    let name = names.get(id);
    if (name === undefined) {
      const n = (perLane.get(lane) ?? 0) + 1;
      perLane.set(lane, n);
      name = `${lane} worker ${n}`;
      names.set(id, name);
    }
    return name;
  };
}
