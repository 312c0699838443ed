import type { LatencyPlan } from './latency.ts';
import type { ThroughputPlan } from './throughput.ts';

export interface BenchPlan {
  mode: 'full' | 'quick';
  /** Concurrency of every worker, lane and raw. */
  concurrency: number;
  throughput: ThroughputPlan;
  latency: LatencyPlan;
  fanout: { jobs: number; clients: number; rounds: number };
  /** Celery's and Dramatiq's workers take a few hundred noop jobs a second here: fewer jobs than the other lanes. */
  pythonFrameworks: { jobs: number; rounds: number };
  deck: { rounds: number; pdf: boolean };
  /** Jobs before each RSS reading; idle time before it and how long it is sampled, ms. */
  rss: { first: number; second: number; settleMs: number; sampleMs: number };
}

/** What the issue asks for: a few minutes on a 2-core machine. */
export const fullPlan: BenchPlan = {
  mode: 'full',
  concurrency: 50,
  throughput: { jobs: 20_000, rounds: 3, warmupJobs: 2_000 },
  latency: { jobs: 1_000, chunk: 100 },
  fanout: { jobs: 20_000, clients: 100, rounds: 3 },
  pythonFrameworks: { jobs: 2_000, rounds: 3 },
  deck: { rounds: 3, pdf: true },
  rss: { first: 10_000, second: 100_000, settleMs: 3_000, sampleMs: 2_000 },
};

/** The same measurements, smaller, in under a minute: a smoke run, not numbers to quote. */
export const quickPlan: BenchPlan = {
  mode: 'quick',
  concurrency: 50,
  throughput: { jobs: 2_000, rounds: 1, warmupJobs: 200 },
  latency: { jobs: 50, chunk: 25 },
  fanout: { jobs: 2_000, clients: 100, rounds: 1 },
  pythonFrameworks: { jobs: 500, rounds: 1 },
  deck: { rounds: 1, pdf: false },
  rss: { first: 1_000, second: 5_000, settleMs: 1_000, sampleMs: 500 },
};

/** 20000 -> "20k", 500 -> "500" */
export function count(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}
