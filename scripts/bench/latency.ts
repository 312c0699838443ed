import { TICK_MS } from '../../demo-server/src/protocol/index.ts';
import type { Contender } from './contender.ts';
import type { Measurement } from './goals.ts';
import { percentile } from './stats.ts';

export interface LatencyPlan {
  /** Sequential jobs per side. */
  jobs: number;
  /** Sides take turns every this many jobs. */
  chunk: number;
}

/** Latency margin the lane may add to the raw library's p99, in ms. */
const P99_MARGIN_MS = 2;

/**
 * One job at a time, enqueue -> completed, lane and raw taking turns in chunks; the p50
 * and p99 of each side. The p99 is judged against the raw p99 plus a fixed margin.
 */
export async function measureLatency(
  lane: string,
  laneSide: Contender,
  rawSide: Contender,
  plan: LatencyPlan,
  log: (line: string) => void,
): Promise<Measurement[]> {
  // A few untimed jobs first, so neither side pays for its first connection or JIT.
  for (let i = 0; i < 5; i++) {
    await laneSide.oneJob();
    await rawSide.oneJob();
  }
  const laneMs: number[] = [];
  const rawMs: number[] = [];
  // The bench learns of a lane job's completion at the server's next WebSocket tick, so lane
  // jobs are spaced 0..TICK_MS apart; raw jobs get the same random pause, since a process that
  // has just slept wakes more slowly than one that is running (seen here: raw p99 doubled).
  const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * TICK_MS));
  while (laneMs.length < plan.jobs) {
    const n = Math.min(plan.chunk, plan.jobs - laneMs.length);
    for (let i = 0; i < n; i++) laneMs.push(await laneSide.oneJob());
    for (let i = 0; i < n; i++) {
      rawMs.push(await rawSide.oneJob());
      await pause();
    }
  }
  const figures = (values: number[]) => `p50 ${percentile(values, 50)} ms, p99 ${percentile(values, 99)} ms`;
  log(`  ${lane} latency over ${plan.jobs} sequential jobs: ${laneSide.label} ${figures(laneMs)}; ${rawSide.label} ${figures(rawMs)}`);
  return [
    { name: `${lane} latency p50`, value: percentile(laneMs, 50), unit: 'ms', raw: percentile(rawMs, 50), goal: { kind: 'none' } },
    {
      name: `${lane} latency p99`,
      value: percentile(laneMs, 99),
      unit: 'ms',
      raw: percentile(rawMs, 99),
      goal: { kind: 'margin-at-most', margin: P99_MARGIN_MS },
    },
  ];
}
