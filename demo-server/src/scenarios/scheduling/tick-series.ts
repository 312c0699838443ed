import { MAX_TICKS } from '../../protocol/demos/scheduling.ts';

/** Intervals kept for the median and the maximum: the last minute or so at one tick a second. */
const MAX_INTERVALS = 60;

/** A scheduler's ticks as they ran, and the gaps between them; a pause starts a new run of gaps. */
export class TickSeries {
  private ticks: number[] = [];
  private intervals: number[] = [];
  private count = 0;
  private last: number | undefined;

  add(at: number): void {
    if (this.last !== undefined && at > this.last) {
      this.intervals.push(at - this.last);
      if (this.intervals.length > MAX_INTERVALS) this.intervals.shift();
    }
    this.last = at;
    this.count++;
    this.ticks.push(at);
    if (this.ticks.length > MAX_TICKS) this.ticks.shift();
  }

  /** After a pause the gap to the next tick is the pause, not jitter. */
  paused(): void {
    this.last = undefined;
  }

  clear(): void {
    this.ticks = [];
    this.intervals = [];
    this.count = 0;
    this.last = undefined;
  }

  view(): { ticks: number[]; count: number; intervalP50: number | null; intervalMax: number | null } {
    const sorted = [...this.intervals].sort((a, b) => a - b);
    const p50 = sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)]!;
    const max = sorted.length === 0 ? null : sorted[sorted.length - 1]!;
    return { ticks: [...this.ticks].sort((a, b) => a - b), count: this.count, intervalP50: p50 && Math.round(p50), intervalMax: max && Math.round(max) };
  }
}
