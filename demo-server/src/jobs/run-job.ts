import type { JobSpec } from '../protocol/index.ts';

/** A flaky job's planned failure: retried by lanes that retry. */
export class FlakyJobError extends Error {
  constructor(failRate: number) {
    super(`flaky job failed (failRate ${failRate})`);
    this.name = 'FlakyJobError';
  }
}

export interface JobRuntime {
  /** Ends the worker process at once, as a crash would: no ack, no cleanup. */
  crash(): never;
  random(): number;
  /**
   * False when the broker hands the job over again after a worker died with it. A crash
   * job only crashes its first worker, so a redelivery shows recovery, not a crash loop.
   */
  firstDelivery: boolean;
  /** Runs the busy loop elsewhere (the in-process lane's thread pool); by default it runs here. */
  burnCpu?(n: number): Promise<number>;
}

/** Busy loop the same size in every language, so lanes compare on equal work. */
export function burnCpu(n: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x + i * 7) % 1_000_003;
  return x;
}

/** Runs one job the same way in every Node worker; resolves with the job's result. */
export async function runJob(job: JobSpec, runtime: JobRuntime): Promise<unknown> {
  switch (job.kind) {
    case 'noop':
      return null;
    case 'sleep':
      await new Promise((resolve) => setTimeout(resolve, job.params.ms));
      return job.params.ms;
    case 'cpu':
      return runtime.burnCpu ? runtime.burnCpu(job.params.n) : burnCpu(job.params.n);
    case 'flaky':
      if (runtime.random() < job.params.failRate) throw new FlakyJobError(job.params.failRate);
      return 'ok';
    case 'crash':
      if (runtime.firstDelivery) runtime.crash();
      return 'survived: redelivered after its worker crashed';
  }
}
