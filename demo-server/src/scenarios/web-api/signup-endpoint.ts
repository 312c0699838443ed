import { LaneUnavailable, DemoCommandRefused } from '../../errors.ts';
import type { LaneHub } from '../../monitor/lane-hub.ts';
import type { LaneMonitor } from '../../monitor/lane-monitor.ts';
import type { JobSpec, WebApiLane, WebApiVariant } from '../../protocol/index.ts';
import { JobWatch, type JobTimes } from '../job-watch.ts';

/** "Send the welcome email": the work a signup needs done, the same in both variants. */
export const WELCOME_EMAIL = { label: 'send the welcome email', job: { kind: 'sleep', params: { ms: 1_500 } } } as const satisfies {
  label: string;
  job: JobSpec;
};

/** A synchronous signup gives up waiting for its email after this long, ms: no request hangs forever on stage. */
export const SYNC_WAIT_LIMIT_MS = 30_000;

export interface SignupAnswer {
  jobId: string;
  /** The job's times as its lane reports them; filled in as its events arrive, also after the answer. */
  times: JobTimes;
}

/**
 * The demo's signup endpoint. `async` enqueues the welcome email and answers as soon as the broker
 * took it; `sync` enqueues it too and answers only once a worker finished it, as a handler that did
 * the work itself would. Both hand the work to the same lane, so the only difference is who waits.
 */
export class SignupEndpoint {
  private readonly watches = new Map<WebApiLane, JobWatch>();

  constructor(private readonly hub: LaneHub) {}

  async signup(laneName: WebApiLane, variant: WebApiVariant): Promise<SignupAnswer> {
    const lane = this.hub.lane(laneName);
    const monitor = this.hub.monitor(laneName);
    if (!lane || !monitor) throw new DemoCommandRefused(`This demo server runs no ${laneName} lane.`);
    const health = lane.health();
    if (health.status === 'down') throw new LaneUnavailable(laneName, health.detail ?? 'down', health.hint);
    const watch = this.watchOf(laneName, monitor);
    let jobId: string | undefined;
    const accepted = await lane.enqueue(WELCOME_EMAIL.job, 1, (id) => {
      jobId = id;
    });
    if (accepted === 0 || jobId === undefined) throw new LaneUnavailable(laneName, 'the broker did not take the job');
    const times = watch.follow(jobId);
    if (variant === 'sync') await waitForJob(watch, jobId, laneName);
    return { jobId, times };
  }

  close(): void {
    for (const watch of this.watches.values()) watch.close();
    this.watches.clear();
  }

  private watchOf(laneName: WebApiLane, monitor: LaneMonitor): JobWatch {
    let watch = this.watches.get(laneName);
    if (!watch) {
      watch = new JobWatch(monitor);
      this.watches.set(laneName, watch);
    }
    return watch;
  }
}

async function waitForJob(watch: JobWatch, jobId: string, lane: WebApiLane): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<'gave up'>((resolve) => {
    timer = setTimeout(() => resolve('gave up'), SYNC_WAIT_LIMIT_MS);
  });
  try {
    const outcome = await Promise.race([watch.ended(jobId), gaveUp]);
    if (outcome === 'gave up') {
      throw new LaneUnavailable(lane, `no worker finished the welcome email within ${SYNC_WAIT_LIMIT_MS / 1000} s`);
    }
    if (outcome.outcome === 'failed') throw new LaneUnavailable(lane, 'the welcome email job failed');
  } finally {
    clearTimeout(timer);
  }
}
