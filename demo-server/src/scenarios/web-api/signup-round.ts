import type { WebApiLane, WebApiRequest, WebApiRound, WebApiVariant } from '../../protocol/index.ts';
import type { SignupAnswer } from './signup-endpoint.ts';

/** A round is over by this long after it started, ms, even if a job never ended (no worker, say). */
export const ROUND_LIMIT_MS = 60_000;

interface Request {
  readonly variant: WebApiVariant;
  readonly sentAt: number;
  answeredAt?: number;
  answer?: SignupAnswer;
  error?: string;
}

/**
 * One click of the panel: `requests` signups through each variant at the same moment, each request's
 * timeline kept as it happens (answered, its job started, its job ended) on the server's clock.
 */
export class SignupRound {
  private readonly list: Request[] = [];

  constructor(
    readonly id: string,
    readonly lane: WebApiLane,
    readonly requests: number,
    readonly startedAt: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Fires one request; what it answers, or why it failed, goes on its timeline. */
  fire(variant: WebApiVariant, signup: () => Promise<SignupAnswer>): void {
    const request: Request = { variant, sentAt: this.now() };
    this.list.push(request);
    signup().then(
      (answer) => {
        request.answeredAt = this.now();
        request.answer = answer;
      },
      (error: unknown) => {
        request.answeredAt = this.now();
        request.error = (error instanceof Error ? error.message : String(error)).slice(0, 200);
      },
    );
  }

  done(): boolean {
    return this.now() - this.startedAt > ROUND_LIMIT_MS || this.list.every(settled);
  }

  state(): WebApiRound {
    const ms = (at: number | undefined) => (at === undefined ? null : Math.max(0, Math.round(at - this.startedAt)));
    const timelines: WebApiRequest[] = this.list.map((request) => {
      const times = request.answer?.times;
      return {
        variant: request.variant,
        sentMs: ms(request.sentAt)!,
        answeredMs: ms(request.answeredAt),
        jobStartedMs: ms(times?.startedAt),
        jobFinishedMs: ms(times?.endedAt),
        ...(request.error !== undefined && { error: request.error }),
        ...(times?.outcome === 'failed' && { error: 'the job failed' }),
      };
    });
    return { id: this.id, lane: this.lane, requests: this.requests, startedAt: this.startedAt, done: this.done(), timelines };
  }
}

function settled(request: Request): boolean {
  if (request.error !== undefined) return true;
  return request.answeredAt !== undefined && request.answer?.times.endedAt !== undefined;
}
