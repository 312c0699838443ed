import type { TickCounts } from '../../../../demo-server/src/protocol/index.ts';

/** The transitions a panel draws as travelling dots. */
export const flows = ['enqueued', 'started', 'completed', 'failed'] as const;
export type Flow = (typeof flows)[number];
export type DotPlan = Record<Flow, number>;

/** Dots one tick may spawn across all flows: a 10,000-job burst must cost what a 20-job one does. */
export const MAX_DOTS_PER_TICK = 20;

/** One dot per job while they can be counted by eye, then the square root's growth. */
function wanted(jobs: number): number {
  return jobs <= 0 ? 0 : Math.min(jobs, Math.ceil(2 * Math.sqrt(jobs)));
}

/**
 * How many dots each flow gets this tick. Within `budget`, every flow that moved at least one job
 * gets at least one dot (a single failure among thousands of completions must still be seen), and
 * the rest is shared in proportion to what each flow wanted.
 */
export function planDots(tick: Pick<TickCounts, Flow>, budget: number = MAX_DOTS_PER_TICK): DotPlan {
  const want = { enqueued: wanted(tick.enqueued), started: wanted(tick.started), completed: wanted(tick.completed), failed: wanted(tick.failed) };
  const total = flows.reduce((sum, flow) => sum + want[flow], 0);
  if (total <= budget) return want;

  const moving = flows.filter((flow) => want[flow] > 0);
  const plan: DotPlan = { enqueued: 0, started: 0, completed: 0, failed: 0 };
  for (const flow of moving) plan[flow] = 1;
  const spare = Math.max(0, budget - moving.length);
  const extra = total - moving.length;
  // Largest remainder, so the shares add up to exactly `spare`.
  const shares = moving.map((flow) => ({ flow, exact: ((want[flow] - 1) * spare) / extra }));
  let left = spare;
  for (const share of shares) {
    const whole = Math.floor(share.exact);
    plan[share.flow] += whole;
    left -= whole;
  }
  shares.sort((a, b) => (b.exact % 1) - (a.exact % 1));
  for (const share of shares.slice(0, left)) plan[share.flow] += 1;
  return plan;
}
