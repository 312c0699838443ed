import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { DemoCommandRefused, LaneUnavailable } from '../../errors.ts';
import { batchLanes, type BatchLane, type BatchState, type JobSpec } from '../../protocol/index.ts';
import { demoCommand, type DemoContext, type DemoScenario } from '../demo-scenario.ts';
import { JobWatch } from '../job-watch.ts';
import { BatchTally } from './batch-tally.ts';

/** "Score an image": a CPU job of 60-120 ms on this shared 2-core machine, so 200 take 10-25 s on one worker. */
export const SCORE_IMAGE = { label: 'score an image', job: { kind: 'cpu', params: { n: 5_000_000 } } } as const satisfies {
  label: string;
  job: JobSpec;
};
export const DEFAULT_BATCH_SIZE = 200;
/** Worker processes a batch may grow to: more would only fight over this machine's cores. */
const MAX_WORKERS = 4;

const startBody = z
  .object({
    lane: z.enum(batchLanes).default('bullmq'),
    size: z.number().int().min(10).max(1_000).default(DEFAULT_BATCH_SIZE),
  })
  .strict();
const addWorkerBody = z.object({}).strict();

interface Run {
  readonly tally: BatchTally;
  readonly ids: Set<string>;
}

/**
 * Use case "distributed machine-learning batch": a batch of CPU jobs fanned out over the lane's worker
 * processes, each job's end counted per worker from the lane's events; "add-worker" starts another
 * worker process mid-run (ExtraWorkers, the same as the speaker's consumers control).
 */
export function createBatchScenario({ hub, extraWorkers }: DemoContext): DemoScenario<'batch'> {
  const watches = new Map<BatchLane, JobWatch>();
  const scaled = new Set<BatchLane>();
  let run: Run | null = null;

  function watchOf(lane: BatchLane): JobWatch {
    let watch = watches.get(lane);
    if (!watch) {
      const monitor = hub.monitor(lane);
      if (!monitor) throw new DemoCommandRefused(`This demo server runs no ${lane} lane.`);
      watch = new JobWatch(monitor, (jobId, times, repeated) => {
        if (!run?.ids.has(jobId) || times.outcome === undefined || times.endedAt === undefined) return;
        run.tally.ended(times.outcome, times.worker, times.endedAt, repeated);
      });
      watches.set(lane, watch);
    }
    return watch;
  }

  return {
    name: 'batch',
    commands: {
      start: demoCommand(startBody, async ({ lane, size }) => {
        if (run?.tally.running()) throw new DemoCommandRefused('A batch is still running: wait until it is done.');
        const target = hub.lane(lane);
        if (!target) throw new DemoCommandRefused(`This demo server runs no ${lane} lane.`);
        const health = target.health();
        if (health.status === 'down') throw new LaneUnavailable(lane, health.detail ?? 'down', health.hint);
        const watch = watchOf(lane);
        // Every batch starts on one worker process, so the add shows what one more does.
        await extraWorkers.scaleTo(lane, 1);
        scaled.add(lane);
        const current: Run = { tally: new BatchTally(randomUUID().slice(0, 8), lane, size, Date.now()), ids: new Set() };
        run = current;
        const accepted = await target.enqueue(SCORE_IMAGE.job, size, (jobId) => {
          current.ids.add(jobId);
          watch.follow(jobId);
        });
        return { run: current.tally.id, lane, accepted };
      }),
      'add-worker': demoCommand(addWorkerBody, async () => {
        const current = run;
        if (!current?.tally.running()) throw new DemoCommandRefused('No batch is running: start one, then add a worker while it runs.');
        if (current.tally.hasAdded()) throw new DemoCommandRefused('A worker was added to this batch already.');
        const lane = current.tally.lane;
        const now = extraWorkers.count(lane);
        if (now >= MAX_WORKERS) throw new DemoCommandRefused(`The lane runs ${now} workers already.`);
        current.tally.workerAdded(Date.now());
        const workers = await extraWorkers.scaleTo(lane, now + 1);
        return { lane, workers };
      }),
    },
    state: (): BatchState => ({
      job: { label: SCORE_IMAGE.label, n: SCORE_IMAGE.job.params.n },
      run: run ? run.tally.state(Date.now(), extraWorkers.count(run.tally.lane)) : null,
    }),
    start: async () => {},
    reset: async () => {
      run = null;
      await Promise.all([...scaled].map((lane) => extraWorkers.scaleTo(lane, 1)));
      scaled.clear();
    },
    stop: async () => {
      run = null;
      for (const watch of watches.values()) watch.close();
      watches.clear();
    },
  };
}
