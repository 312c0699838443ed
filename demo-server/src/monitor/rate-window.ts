/** Events per second over a sliding window, in fixed buckets so a burst costs no memory. */
export class RateWindow {
  private static readonly BUCKETS = 20;
  private readonly bucketMs: number;
  private readonly counts = new Array<number>(RateWindow.BUCKETS).fill(0);
  private readonly starts = new Array<number>(RateWindow.BUCKETS).fill(-Infinity);

  constructor(private readonly windowMs: number) {
    this.bucketMs = windowMs / RateWindow.BUCKETS;
  }

  add(at: number): void {
    const start = Math.floor(at / this.bucketMs) * this.bucketMs;
    const i = Math.floor(at / this.bucketMs) % RateWindow.BUCKETS;
    if (this.starts[i] !== start) {
      this.starts[i] = start;
      this.counts[i] = 0;
    }
    this.counts[i]!++;
  }

  perSecond(now: number): number {
    let total = 0;
    for (let i = 0; i < RateWindow.BUCKETS; i++) {
      if (now - this.starts[i]! < this.windowMs) total += this.counts[i]!;
    }
    return (total * 1000) / this.windowMs;
  }

  clear(): void {
    this.counts.fill(0);
    this.starts.fill(-Infinity);
  }
}
