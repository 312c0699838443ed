import type { DemoServer } from '../../demo-server/src/server.ts';
import type { Recording } from '../../slides/panel/recording.ts';
import { anonymousWorkers } from './anonymous-workers.ts';
import { demoCommand, demoStateWhen } from './demo-state-http.ts';
import { lanesWithWorkers } from './workers-up.ts';

/** The batch slide: 200 CPU jobs on BullMQ's one worker, a second worker added 3 s into the run. */
export async function recordBatch(server: DemoServer, log: (message: string) => void): Promise<Recording> {
  if ((await lanesWithWorkers(server, ['bullmq'])).length === 0) throw new Error('no BullMQ worker announced itself within 30 s');
  const run = String((await demoCommand(server, 'batch', 'start', { lane: 'bullmq' })).run);
  log('batch: 200 cpu jobs on BullMQ, one worker');
  await demoStateWhen(server, 'batch', (s) => s?.run?.id === run && s.run.completed > 0, 'the first job to finish', 30_000);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await demoCommand(server, 'batch', 'add-worker');
  log('batch: a second worker added');
  const state = await demoStateWhen(server, 'batch', (s) => s?.run?.id === run && s.run.finishedAt !== null, 'the batch to finish', 120_000);
  const done = state!.run!;
  log(`batch: ${done.completed}/${done.size} done in ${((done.finishedAt! - done.startedAt) / 1000).toFixed(1)} s, ` +
    `${done.rateBefore} jobs/s before the add, ${done.rateAfter} after; per worker ${done.workers.map((w) => w.done).join(' + ')}`);
  const name = anonymousWorkers();
  const workers = done.workers.map((worker) => ({ ...worker, id: name(done.lane, worker.id) }));
  return { panel: 'batch', recordedAt: new Date().toISOString(), lanes: {}, demos: { batch: { ...state!, run: { ...done, workers } } } };
}
