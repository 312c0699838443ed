import type { Logger } from 'pino';
import { MAX_PRODUCER_RATE, PRODUCER_MAX_RUN_MS, type JobSpec, type ProducerState } from '../protocol/index.ts';
import type { Lane } from '../lanes/lane.ts';

/** Jobs go out every this many ms: a steady stream to the eye, few enough requests to the broker. */
const SLICE_MS = 100;

/**
 * A producer inside the server that enqueues at a steady rate on one lane, so a slide can show a
 * queue growing when producers outrun consumers. Slices that the broker is too slow to take are
 * merged, never queued up: at most one second of jobs is ever owed.
 */
export class PacedProducer {
  private current: { rate: number; job: JobSpec; until: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private owed = 0;
  private lastPaced = 0;
  private sending = false;

  constructor(
    private readonly lane: Lane,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts, changes or (rate 0) stops the producer. */
  set(rate: number, job: JobSpec): ProducerState | undefined {
    if (rate <= 0) {
      this.stop();
      return undefined;
    }
    const now = this.now();
    this.current = { rate: Math.min(rate, MAX_PRODUCER_RATE), job, until: now + PRODUCER_MAX_RUN_MS };
    if (!this.timer) {
      this.owed = 0;
      this.lastPaced = now;
      this.timer = setInterval(() => this.pace(), SLICE_MS);
    }
    return this.state();
  }

  state(): ProducerState | undefined {
    if (!this.current) return undefined;
    return { rate: this.current.rate, kind: this.current.job.kind, until: this.current.until };
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.current = undefined;
  }

  private pace(): void {
    const now = this.now();
    const current = this.current;
    if (!current) return;
    if (now >= current.until) return this.stop();
    this.owed = Math.min(this.owed + (current.rate * (now - this.lastPaced)) / 1000, current.rate);
    this.lastPaced = now;
    const count = Math.floor(this.owed);
    if (this.sending || count < 1) return;
    this.owed -= count;
    this.sending = true;
    // A lane that is down refuses the slice; the producer keeps its pace and resumes with the broker.
    this.lane
      .enqueue(current.job, count)
      .catch((error: unknown) => this.logger.debug({ err: error, lane: this.lane.name }, 'producer slice refused'))
      .finally(() => {
        this.sending = false;
      });
  }
}
