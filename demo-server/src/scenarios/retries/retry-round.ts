import type { JobEvent } from '../../lanes/lane.ts';
import { RETRIES_SAMPLE, type RetryAttempt, type RetryJob } from '../../protocol/demos/retries.ts';

/** Attempts drawn per job at most: the policies allow three. */
const MAX_ATTEMPTS = 6;

export interface RetryTotals {
  sent: number;
  firstTry: number;
  afterRetries: number;
  deadLettered: number;
}

interface Job {
  id: string;
  attempts: RetryAttempt[];
  final: RetryJob['final'];
}

/**
 * One lane's round of flaky jobs, from its events alone: each `started` is an attempt at its time,
 * `retried` marks the attempt failed and retried, `failed` failed for good, `completed` succeeded.
 */
export class RetryRound {
  private readonly jobs = new Map<string, Job>();
  /** Reports that overtook the producer's confirm of their job, replayed when it comes. */
  private readonly early = new Map<string, { event: JobEvent; at: number }[]>();

  constructor(private readonly startedAt: number) {}

  record(event: JobEvent, now: number): void {
    if (event.type === 'enqueued') {
      if (this.jobs.size >= RETRIES_SAMPLE || this.jobs.has(event.jobId)) return;
      this.jobs.set(event.jobId, { id: event.jobId, attempts: [], final: 'pending' });
      const early = this.early.get(event.jobId) ?? [];
      this.early.delete(event.jobId);
      for (const held of early) this.record(held.event, held.at);
      return;
    }
    const job = this.jobs.get(event.jobId);
    if (!job) {
      if (this.early.size < RETRIES_SAMPLE * 4) this.early.set(event.jobId, [...(this.early.get(event.jobId) ?? []), { event, at: now }]);
      return;
    }
    if (job.final !== 'pending') return;
    const t = Math.max(0, Math.round(now - this.startedAt));
    const last = job.attempts.at(-1);
    switch (event.type) {
      case 'started': {
        // The worker's own time of the start where its report has one: the server's receipt adds the events' latency.
        const at = event.at === undefined ? t : Math.max(0, Math.round(event.at - this.startedAt));
        if (job.attempts.length < MAX_ATTEMPTS) job.attempts.push({ t: at, outcome: 'running' });
        return;
      }
      case 'retried':
        if (last) last.outcome = 'retry';
        return;
      case 'completed':
        this.end(job, 'ok', t);
        return;
      case 'failed':
        this.end(job, 'failed', t);
        return;
      case 'received':
      case 'withdrawn':
        return;
    }
  }

  /** A job's end; an attempt whose start was never reported is drawn at its end. */
  private end(job: Job, final: 'ok' | 'failed', t: number): void {
    const last = job.attempts.at(-1);
    if (!last || last.outcome !== 'running') job.attempts.push({ t, outcome: final });
    else last.outcome = final;
    job.final = final;
  }

  done(): boolean {
    return this.jobs.size > 0 && [...this.jobs.values()].every((job) => job.final !== 'pending');
  }

  totals(): RetryTotals {
    const jobs = [...this.jobs.values()];
    const ok = jobs.filter((job) => job.final === 'ok');
    return {
      sent: jobs.length,
      firstTry: ok.filter((job) => job.attempts.length === 1).length,
      afterRetries: ok.filter((job) => job.attempts.length > 1).length,
      deadLettered: jobs.filter((job) => job.final === 'failed').length,
    };
  }

  timeline(): RetryJob[] {
    return [...this.jobs.values()].map((job) => ({ id: job.id, attempts: job.attempts.map((a) => ({ ...a })), final: job.final }));
  }
}
