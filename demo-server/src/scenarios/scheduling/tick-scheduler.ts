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

  abstract unavailable(): Unavailable | null;
  protected abstract begin(): Promise<void>;
  protected abstract end(): Promise<void>;
  /** Releases connections too: server shutdown. */
  abstract close(): Promise<void>;

  /** Ticks the scheduler sent that no worker ran yet. */
  protected unrun(): number {
    return 0;
  }

  async start(): Promise<void> {
    if (this.status === 'running' || this.status === 'starting') return;
    this.status = 'starting';
    try {
      await this.begin();
    } catch (error) {
      this.status = 'stopped';
      throw error;
    }
  }

  async pause(): Promise<void> {
    if (this.status !== 'running' && this.status !== 'starting') return;
    this.status = 'paused';
    this.series.paused();
    await this.end();
  }

  async reset(): Promise<void> {
    await this.end();
    this.status = 'stopped';
    this.series.clear();
  }

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
