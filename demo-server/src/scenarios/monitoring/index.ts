import * as z from 'zod';
import { DemoCommandRefused } from '../../errors.ts';
import { laneNames, MONITORING_HISTORY_LIMIT, toJobSpec, type JobSpec, type MonitoredTask, type MonitoringState } from '../../protocol/index.ts';
import type { Lane } from '../../lanes/lane.ts';
import { demoCommand, type DemoContext, type DemoScenario } from '../demo-scenario.ts';
import { TaskHistory } from './task-history.ts';

const rerunBody = z.object({ lane: z.enum(laneNames), id: z.string().min(1).max(200) }).strict();

/** What the task was asked to do: from its lane's events, else read back from its broker. */
async function specOf(task: MonitoredTask, lane: Lane): Promise<JobSpec | undefined> {
  if (task.kind !== undefined && task.params !== undefined) {
    const spec = toJobSpec(task.kind, task.params);
    if (spec.success) return spec.data;
  }
  return lane.jobSpec?.(task.id);
}

/**
 * A Flower-style view of every lane: workers, queues and rates are the lanes' own state (the
 * snapshot carries them); this scenario adds the task history, kept on the server for the session,
 * and re-runs any task of it with the same kind and parameters on the same lane.
 */
export function createMonitoringScenario({ hub }: DemoContext): DemoScenario<'monitoring'> {
  const history = new TaskHistory();
  const listening: Array<() => void> = [];

  return {
    name: 'monitoring',
    commands: {
      rerun: demoCommand(rerunBody, async ({ lane: laneName, id }) => {
        const task = history.get(laneName, id);
        if (!task) {
          throw new DemoCommandRefused(`No task "${id.slice(0, 64)}" on ${laneName} in the history (it keeps the last ${MONITORING_HISTORY_LIMIT}).`);
        }
        const lane = hub.lane(laneName);
        if (!lane) throw new DemoCommandRefused(`This demo server runs no ${laneName} lane.`);
        const spec = await specOf(task, lane);
        if (!spec) throw new DemoCommandRefused(`The ${laneName} lane no longer knows what task ${id.slice(0, 64)} was asked to do.`);
        if (task.params === undefined) history.learnParams(laneName, id, spec.params);
        let newId: string | undefined;
        await lane.enqueue(spec, 1, (jobId) => {
          newId = jobId;
          history.rerunning(laneName, jobId, id);
        });
        return { lane: laneName, id: newId, rerunOf: id, kind: spec.kind, params: spec.params };
      }),
    },
    state: (): MonitoringState => history.state(),
    start: async () => {
      for (const lane of hub.lanes()) {
        const stop = hub.monitor(lane.name)?.observe((event, at) => history.record(lane.name, event, at));
        if (stop) listening.push(stop);
      }
    },
    reset: async () => {
      history.clear();
    },
    stop: async () => {
      for (const stop of listening.splice(0)) stop();
      history.clear();
    },
  };
}
