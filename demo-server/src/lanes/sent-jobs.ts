/** Enough for a 100,000-job burst twice over; the oldest go first, such as tasks a crash lost for good. */
const MAX_REMEMBERED = 200_000;

/**
 * The jobs in flight this lane sent, by id: when each was enqueued, for a framework whose events
 * carry no such time (Celery's), and which were sent before the last reset, since a worker still
 * runs the ones it had already fetched, and their events must not count in the new run.
 */
export class SentJobs {
  private readonly enqueuedAt = new Map<string, number>();
  private beforeReset = new Set<string>();

  sent(jobId: string, at: number): void {
    this.enqueuedAt.set(jobId, at);
    if (this.enqueuedAt.size > MAX_REMEMBERED) this.enqueuedAt.delete(this.enqueuedAt.keys().next().value!);
  }

  enqueuedAtOf(jobId: string): number | undefined {
    return this.enqueuedAt.get(jobId);
  }

  fromBeforeReset(jobId: string): boolean {
    return this.beforeReset.has(jobId);
  }

  ended(jobId: string): void {
    this.enqueuedAt.delete(jobId);
    this.beforeReset.delete(jobId);
  }

  reset(): void {
    this.beforeReset = new Set([...this.beforeReset, ...this.enqueuedAt.keys()]);
    if (this.beforeReset.size > MAX_REMEMBERED) this.beforeReset = new Set([...this.enqueuedAt.keys()]);
    this.enqueuedAt.clear();
  }
}
