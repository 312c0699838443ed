/** Enough for a 100,000-job burst twice over; the oldest go first, such as tasks a crash lost for good. */
const MAX_REMEMBERED = 200_000;

/**
 * When each job in flight was enqueued, by id, for a framework whose events carry no such time
 * (Celery's), so latency is still measured on one clock: the producer's.
 */
export class EnqueueTimes {
  private readonly times = new Map<string, number>();

  remember(jobId: string, at: number): void {
    this.times.set(jobId, at);
    if (this.times.size > MAX_REMEMBERED) this.times.delete(this.times.keys().next().value!);
  }

  get(jobId: string): number | undefined {
    return this.times.get(jobId);
  }

  forget(jobId: string): void {
    this.times.delete(jobId);
  }

  clear(): void {
    this.times.clear();
  }
}
