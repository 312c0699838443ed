import { toJobSpec, type JobKind, type LaneName } from '../../demo-server/src/protocol/index.ts';
import type { DemoServer } from '../../demo-server/src/server.ts';
import type { RecordedLane, Recording } from '../../slides/panel/recording.ts';
import { anonymousWorkers } from './anonymous-workers.ts';
import { demoCommand, demoState, demoStateWhen } from './demo-state-http.ts';
import { lanesWithWorkers } from './workers-up.ts';

const sample: ReadonlyArray<{ kind: JobKind; count: number; params: Record<string, number> }> = [
  { kind: 'sleep', count: 3, params: { ms: 300 } },
  { kind: 'cpu', count: 1, params: { n: 1_000_000 } },
  { kind: 'flaky', count: 1, params: { failRate: 0.5 } },
];

/** The monitoring slide: the panel's "Send 5 jobs to each lane" on every lane that is up, then one task re-run. */
export async function recordMonitoring(server: DemoServer, log: (message: string) => void): Promise<Recording> {
  const lanes = await lanesWithWorkers(server, server.hub.lanes().map((lane) => lane.name));
  log(`monitoring: 5 jobs to each of ${lanes.join(', ')}`);
  for (const lane of lanes) {
    for (const job of sample) await server.hub.lane(lane)!.enqueue(toJobSpec(job.kind, job.params).data!, job.count);
  }
  const ended = (s: Awaited<ReturnType<typeof demoState<'monitoring'>>>) => (s ? s.history.completed + s.history.failed : 0);
  await demoStateWhen(server, 'monitoring', (s) => ended(s) >= lanes.length * 5, 'every task to end', 60_000);
  const original = (await demoState(server, 'monitoring'))!.tasks.find((task) => task.kind === 'sleep')!;
  const rerun = await demoCommand(server, 'monitoring', 'rerun', { lane: original.lane, id: original.id });
  const state = await demoStateWhen(server, 'monitoring', (s) => s?.tasks.some((t) => t.id === rerun.id && t.state === 'completed') === true, 'the re-run', 30_000);
  const name = anonymousWorkers();
  const tasks = state!.tasks.map((task) => (task.worker === undefined ? task : { ...task, worker: name(task.lane, task.worker) }));
  log(`monitoring: ${state!.history.kept} tasks kept, ${state!.history.completed} completed, ${state!.history.failed} failed; re-ran ${original.lane} ${original.id}`);
  const snapshot = server.hub.snapshot();
  const recorded: Partial<Record<LaneName, RecordedLane>> = {};
  for (const lane of snapshot.lanes) {
    if (lanes.includes(lane.name)) recorded[lane.name] = { stats: lane.stats, throughput: lane.throughput, latency: lane.latency, capabilities: lane.capabilities };
  }
  return { panel: 'monitoring', recordedAt: new Date().toISOString(), lanes: recorded, demos: { monitoring: { ...state!, tasks } } };
}
