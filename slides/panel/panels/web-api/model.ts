import type { WebApiLane, WebApiRequest, WebApiState, WebApiVariant } from '../../../../demo-server/src/protocol/index.ts';
import { formatLatency } from '../../format.ts';
import type { FrameModel } from '../../frame/frame.ts';
import { laneProblem } from '../../lane-problem.ts';
import { allow, selectDemo, type SourceInput } from '../../source.ts';

/** One request drawn to scale, ms after the round started; `answeredMs` and `jobEndMs` reach "now" while pending. */
export interface TimelineRow {
  readonly sentMs: number;
  readonly answeredMs: number;
  readonly answered: boolean;
  readonly jobStartMs: number | undefined;
  readonly jobEndMs: number | undefined;
  readonly jobDone: boolean;
  readonly error: string | undefined;
}

export interface VariantModel {
  readonly variant: WebApiVariant;
  readonly title: string;
  readonly rows: readonly TimelineRow[];
  /** Median and slowest time to answer over the answered requests, ms. */
  readonly p50: number | undefined;
  readonly slowest: number | undefined;
  readonly summary: string;
}

export interface WebApiViewModel extends FrameModel {
  readonly headline: string;
  readonly variants: readonly VariantModel[];
  /** The right edge of both timelines, ms: the same scale for both, so their lengths compare. */
  readonly scaleMs: number;
  readonly lane: WebApiLane | undefined;
  readonly running: boolean;
}

export interface WebApiInput extends SourceInput {
  /** The server's clock now, estimated from its last message, so pending bars grow between messages. */
  readonly serverNow?: number;
  /** The lane the speaker picked for the next round. */
  readonly lane?: WebApiLane;
}

const titles: Record<WebApiVariant, string> = {
  async: 'Email in the background: 202 at once',
  sync: 'Email in the request: waits for it',
};

export function webApiViewModel(input: WebApiInput): WebApiViewModel {
  const source = selectDemo('web-api', input);
  // While a round runs, pending bars reach "now"; a recording or a finished round stops at its last event.
  const vm = fromState(source.state, source.live ? (input.serverNow ?? input.store?.serverTime) : undefined);
  // Why the chosen lane cannot take the emails now, with the command that fixes it.
  const problem = input.lane === undefined || vm.running || source.controls === 'hidden' ? undefined : laneProblem(input.store, input.lane);
  return { ...vm, controls: allow(source.controls, !vm.running), banner: source.banner, caption: source.note, dim: source.dim, problem };
}

function fromState(state: WebApiState | undefined, serverTime: number | undefined): Omit<WebApiViewModel, keyof FrameModel> {
  const round = state?.round ?? null;
  const jobMs = state?.job.ms ?? 1_500;
  const now = round && !round.done && serverTime !== undefined ? Math.max(0, serverTime - round.startedAt) : 0;
  const variants = (['async', 'sync'] as const).map((variant) => variantModel(variant, round?.timelines ?? [], now));
  const ends = variants.flatMap((v) => v.rows.flatMap((row) => [row.answeredMs, row.jobEndMs ?? 0]));
  const headline = state
    ? `POST /signup, whose work is to ${state.job.label} (${formatLatency(jobMs)} on a worker)`
    : 'POST /signup: the same endpoint, its work in the background or in the request';
  return {
    headline,
    variants,
    scaleMs: niceScale(Math.max(jobMs * 1.2, now, ...ends)),
    lane: round?.lane,
    running: round !== null && !round.done,
  };
}

function variantModel(variant: WebApiVariant, timelines: readonly WebApiRequest[], now: number): VariantModel {
  const rows = timelines.filter((t) => t.variant === variant).map((t) => row(t, now));
  const answered = rows.filter((r) => r.answered && r.error === undefined).map((r) => r.answeredMs - r.sentMs);
  const p50 = percentile(answered, 50);
  const slowest = answered.length > 0 ? Math.max(...answered) : undefined;
  const errors = rows.filter((r) => r.error !== undefined).length;
  const parts = [
    p50 === undefined ? undefined : `answer p50 ${formatLatency(p50)}`,
    slowest === undefined || rows.length < 2 ? undefined : `slowest ${formatLatency(slowest)}`,
    errors > 0 ? `${errors} failed` : undefined,
  ].filter(Boolean);
  return { variant, title: titles[variant], rows, p50, slowest, summary: parts.join(' · ') || (rows.length === 0 ? 'no request yet' : '–') };
}

function row(t: WebApiRequest, now: number): TimelineRow {
  const answered = t.answeredMs !== null;
  const jobDone = t.jobFinishedMs !== null;
  return {
    sentMs: t.sentMs,
    answeredMs: t.answeredMs ?? Math.max(t.sentMs, now),
    answered,
    jobStartMs: t.jobStartedMs ?? undefined,
    jobEndMs: t.jobStartedMs === null ? undefined : (t.jobFinishedMs ?? Math.max(t.jobStartedMs, now)),
    jobDone,
    error: t.error,
  };
}

/** Nearest-rank percentile of a few samples; undefined for none. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The axis' right end: a whole half second above the latest time, so ticks fall on round numbers. */
export function niceScale(ms: number): number {
  return Math.max(500, Math.ceil(ms / 500) * 500);
}
