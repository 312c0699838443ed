/**
 * What a row of the benchmark must meet. Goals compare the lane with the raw library
 * measured in the same run, so a slow or busy machine moves both sides alike.
 */
export type Goal =
  /** value / raw >= ratio (throughput) */
  | { kind: 'ratio-at-least'; ratio: number }
  /** value / raw <= ratio (CPU, build time) */
  | { kind: 'ratio-at-most'; ratio: number }
  /** value / raw < ratio (memory growth) */
  | { kind: 'ratio-below'; ratio: number }
  /** value <= raw + margin, in the row's unit (latency) */
  | { kind: 'margin-at-most'; margin: number }
  /** value <= limit, in the row's unit, whatever raw is (frame size) */
  | { kind: 'at-most'; limit: number }
  /** shown for context, judged by nobody */
  | { kind: 'none' };

export interface Measurement {
  name: string;
  /** The lane's figure (or ours, for the deck); null when it could not be measured. */
  value: number | null;
  unit: string;
  /** The raw library's figure (or the reference's) from the same run; null when there is none. */
  raw: number | null;
  goal: Goal;
}

/** One row of bench/results.json. */
export interface ResultRow {
  name: string;
  value: number | null;
  unit: string;
  raw: number | null;
  /** value / raw */
  ratio: number | null;
  goal: string | null;
  /** null when the row has no goal or a side is missing */
  met: boolean | null;
}

export function describeGoal(goal: Goal, unit: string): string | null {
  switch (goal.kind) {
    case 'ratio-at-least':
      return `>= ${goal.ratio}x raw`;
    case 'ratio-at-most':
      return `<= ${goal.ratio}x raw`;
    case 'ratio-below':
      return `< ${goal.ratio}x raw`;
    case 'margin-at-most':
      return `<= raw + ${goal.margin} ${unit}`;
    case 'at-most':
      return `<= ${goal.limit} ${unit}`;
    case 'none':
      return null;
  }
}

export function ratioOf(value: number | null, raw: number | null): number | null {
  if (value === null || raw === null || !Number.isFinite(value) || !Number.isFinite(raw) || raw === 0) return null;
  return value / raw;
}

export function isMet(goal: Goal, value: number | null, raw: number | null): boolean | null {
  if (goal.kind === 'none' || value === null || !Number.isFinite(value)) return null;
  if (goal.kind === 'at-most') return value <= goal.limit;
  if (raw === null || !Number.isFinite(raw)) return null;
  if (goal.kind === 'margin-at-most') return value <= raw + goal.margin;
  const ratio = ratioOf(value, raw);
  if (ratio === null) return null;
  if (goal.kind === 'ratio-at-least') return ratio >= goal.ratio;
  if (goal.kind === 'ratio-at-most') return ratio <= goal.ratio;
  return ratio < goal.ratio;
}

/**
 * Where the goal sits on the ratio scale, for the chart: the ratio a row must stay above
 * (or below). For a margin it is (raw + margin) / raw; for a limit, 1 on a value / limit scale.
 */
export function goalRatio(goal: Goal, raw: number | null): number | null {
  switch (goal.kind) {
    case 'ratio-at-least':
    case 'ratio-at-most':
    case 'ratio-below':
      return goal.ratio;
    case 'margin-at-most':
      return raw === null || raw <= 0 ? null : (raw + goal.margin) / raw;
    case 'at-most':
      return 1;
    case 'none':
      return null;
  }
}

/** Whether a row passes by staying above its goal (throughput) rather than below it. */
export function higherIsBetter(goal: Goal): boolean {
  return goal.kind === 'ratio-at-least';
}

export function evaluate(measurement: Measurement): ResultRow {
  const { name, value, unit, raw, goal } = measurement;
  return {
    name,
    value: round(value),
    unit,
    raw: round(raw),
    ratio: round(ratioOf(value, raw), 3),
    goal: describeGoal(goal, unit),
    met: isMet(goal, value, raw),
  };
}

function round(value: number | null, digits = 3): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
