import { hostname } from 'node:os';
import type { JobSpec, LaneCapabilities, LaneHealth, WorkerInfo } from '../protocol/index.ts';
import { FlakyJobError, runJob } from '../jobs/run-job.ts';
import type { JobEventSink, Lane, SentJobSink } from './lane.ts';

interface QueuedJob {
  id: string;
  job: JobSpec;
  enqueuedAt: number;
  attempt: number;
}

const MAX_ATTEMPTS = 3;

/** The server's own process crashing would end the talk, so a `crash` job here fails instead. */
class InProcessCrash extends Error {
  constructor() {
    super('crash: the in-memory lane runs inside the demo server, so the job is lost instead of the server');
  }
}

/**
 * Jobs in an array inside the server: always available, lost on restart. It is a lane
 * of its own, labelled as such, never a stand-in for a broker that is down.
 */
export class MemoryLane implements Lane {
  readonly name = 'memory' as const;
  readonly capabilities: LaneCapabilities = {
    label: 'In-memory',
    broker: 'none (inside the demo server)',
    acks: 'none',
    retries: true,
    delays: false,
    priorities: false,
    results: false,
    durable: false,
  };

  private queue: QueuedJob[] = [];
  private head = 0;
  private running = 0;
  private nextId = 1;
  private generation = 0;
  private readonly workerId = `memory@${hostname()}:${process.pid}`;

  constructor(
    private readonly emit: JobEventSink,
    private readonly concurrency = 8,
  ) {}

  async start(): Promise<void> {}

  health(): LaneHealth {
    return { name: this.name, status: 'up' };
  }

  workers(): WorkerInfo[] {
    return [
      { id: this.workerId, host: hostname(), pid: process.pid, concurrency: this.concurrency, lastSeen: Date.now() },
    ];
  }

  async enqueue(job: JobSpec, count: number, sent?: SentJobSink): Promise<number> {
    const enqueuedAt = Date.now();
    for (let i = 0; i < count; i++) {
      const id = String(this.nextId++);
      this.queue.push({ id, job, enqueuedAt, attempt: 1 });
      this.emit({ type: 'enqueued', jobId: id, kind: job.kind, params: job.params });
      sent?.(id);
    }
    this.pump();
    return count;
  }

  private pump(): void {
    while (this.running < this.concurrency && this.head < this.queue.length) {
      const next = this.queue[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      this.running++;
      void this.work(next, this.generation);
    }
  }

  private async work(queued: QueuedJob, generation: number): Promise<void> {
    this.emit({ type: 'started', jobId: queued.id, worker: this.workerId });
    // Yield first, so a burst of noops interleaves with HTTP and WebSocket work.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      await runJob(queued.job, {
        crash: () => {
          throw new InProcessCrash();
        },
        random: Math.random,
        firstDelivery: true,
      });
      if (generation === this.generation) {
        this.emit({ type: 'completed', jobId: queued.id, worker: this.workerId, enqueuedAt: queued.enqueuedAt });
      }
    } catch (error) {
      if (generation === this.generation) this.fail(queued, error);
    } finally {
      this.running--;
      this.pump();
    }
  }

  private fail(queued: QueuedJob, error: unknown): void {
    if (error instanceof FlakyJobError && queued.attempt < MAX_ATTEMPTS) {
      this.emit({ type: 'retried', jobId: queued.id });
      this.queue.push({ ...queued, attempt: queued.attempt + 1 });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.emit({ type: 'failed', jobId: queued.id, worker: this.workerId, error: message });
  }

  async reset(): Promise<void> {
    this.generation++;
    this.queue = [];
    this.head = 0;
  }

  async close(): Promise<void> {
    await this.reset();
  }
}
