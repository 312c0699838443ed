import type { Contender } from './contender.ts';
import type { Measurement } from './goals.ts';
import { cpuMeter } from './proc.ts';
import { median } from './stats.ts';

export interface ThroughputPlan {
  jobs: number;
  rounds: number;
  warmupJobs: number;
}

/**
 * Lane and raw take turns (lane, raw, lane, raw, ...) so the machine's noise falls on both;
 * each side's figure is the median of its rounds, in jobs per second.
 */
export async function measureThroughput(
  name: string,
  lane: Contender,
  raw: Contender,
  plan: ThroughputPlan,
  goalRatio: number,
  log: (line: string) => void,
): Promise<Measurement> {
  await lane.burst(plan.warmupJobs);
  await raw.burst(plan.warmupJobs);
  const laneRates: number[] = [];
  const rawRates: number[] = [];
  const timed = async (side: Contender) => {
    const meter = cpuMeter(side.processes());
    const rate = plan.jobs / (await side.burst(plan.jobs));
    const perThousand = Object.entries(meter.stop())
      .map(([role, seconds]) => `${role} ${((seconds * 1000 * 1000) / plan.jobs).toFixed(0)}`)
      .join(', ');
    return { rate, text: `${side.label} ${rate.toFixed(0)} jobs/s (CPU ms per 1k jobs: ${perThousand})` };
  };
  for (let round = 1; round <= plan.rounds; round++) {
    const onLane = await timed(lane);
    const onRaw = await timed(raw);
    laneRates.push(onLane.rate);
    rawRates.push(onRaw.rate);
    log(`  ${name} round ${round}/${plan.rounds}: ${onLane.text}; ${onRaw.text}`);
  }
  return { name, value: median(laneRates), unit: 'jobs/s', raw: median(rawRates), goal: { kind: 'ratio-at-least', ratio: goalRatio } };
}
