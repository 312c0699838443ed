import type { SchedulerName, SchedulerState } from '../../protocol/demos/scheduling.ts';
import type { Unavailable } from '../lane-availability.ts';
import { TickSeries } from './tick-series.ts';

export type SchedulerStatus = SchedulerState['status'];

/** One framework's periodic job: started, paused and resumed from the slide; its ticks as its worker ran them. */
export abstract class TickScheduler {
  abstract readonly name: SchedulerName;
  readonly everyMs = 1_000;
  protected readonly series = new TickSeries();
  protected status: 'stopped' | 'starting' | 'running' | 'paused' = 'stopped';
  /** The transition running now; the next waits for it, whatever its outcome. */
  private transition: Promise<unknown> = Promise.resolve();

  abstract unavailable(): Unavailable | null;
  /** Starts the schedule (a process of its own, for beat and APScheduler). Never runs twice without an `end` between. */
  protected abstract begin(): Promise<void>;
  protected abstract end(): Promise<void>;
  /** Releases connections, after `end`: server shutdown. */
  protected abstract release(): Promise<void>;

  /** Ticks the scheduler sent that no worker ran yet. */
  protected unrun(): number {
    return 0;
  }

  /**
   * Start, pause, reset and close run one after another, each after the last has finished: a Pause
   * clicked while beat is still booting waits for it and stops it, instead of racing the boot and
   * leaving a process nobody holds, and a second Start cannot start a second beat.
   */
  private serialized(transition: () => Promise<void>): Promise<void> {
    const next = this.transition.then(transition, transition);
    this.transition = next.catch(() => {});
    return next;
  }

  start(): Promise<void> {
    return this.serialized(async () => {
      if (this.status === 'running' || this.status === 'starting') return;
      this.status = 'starting';
      try {
        await this.begin();
      } catch (error) {
        this.status = 'stopped';
        // Whatever `begin` started before it failed goes too.
        await this.end().catch(() => {});
        throw error;
      }
    });
  }

  pause(): Promise<void> {
    return this.serialized(async () => {
      if (this.status !== 'running' && this.status !== 'starting') return;
      this.status = 'paused';
      this.series.paused();
      await this.end();
    });
  }

  reset(): Promise<void> {
    return this.serialized(async () => {
      await this.end();
      this.status = 'stopped';
      this.series.clear();
      await this.afterReset();
    });
  }

  /** Server shutdown: ends the schedule (as far as the broker lets it), then releases connections. */
  close(): Promise<void> {
    return this.serialized(async () => {
      await this.end().catch(() => {});
      this.status = 'stopped';
      await this.release();
    });
  }

  /** What a scheduler forgets on reset beside its ticks. */
  protected async afterReset(): Promise<void> {}

  /** A tick ran at `at` (epoch ms): the schedule is live. */
  protected ticked(at: number): void {
    if (this.status === 'starting') this.status = 'running';
    this.series.add(at);
  }

  state(): SchedulerState {
    const unavailable = this.status === 'stopped' || this.status === 'paused' ? this.unavailable() : null;
    return {
      name: this.name,
      status: unavailable ? 'unavailable' : this.status,
      note: unavailable?.note.slice(0, 300) ?? null,
      hint: unavailable?.hint?.slice(0, 300) ?? null,
      everyMs: this.everyMs,
      unrun: this.unrun(),
      ...this.series.view(),
    };
  }
}
