/** The last `size` latencies, in ms, for percentiles that follow the current burst. */
export class LatencyWindow {
  private readonly values: Float64Array;
  private next = 0;
  private filled = 0;
  private sorted: Float64Array | null = null;

  constructor(size: number) {
    this.values = new Float64Array(size);
  }

  add(ms: number): void {
    this.values[this.next] = ms;
    this.next = (this.next + 1) % this.values.length;
    this.filled = Math.min(this.filled + 1, this.values.length);
    this.sorted = null;
  }

  /** Nearest-rank percentile, or null before the first value. */
  percentile(p: number): number | null {
    if (this.filled === 0) return null;
    this.sorted ??= this.values.slice(0, this.filled).sort();
    const rank = Math.ceil((p / 100) * this.filled) - 1;
    return this.sorted[Math.min(Math.max(rank, 0), this.filled - 1)]!;
  }

  clear(): void {
    this.next = 0;
    this.filled = 0;
    this.sorted = null;
  }
}
