import { hostname } from 'node:os';
import type { JobSpec, LaneCapabilities, LaneHealth, WorkerInfo } from '../protocol/index.ts';
import { LaneFull } from '../errors.ts';
import { CpuPool } from '../jobs/cpu-pool.ts';
import { FlakyJobError, runJob } from '../jobs/run-job.ts';
import type { JobEventSink, Lane, SentJobSink } from './lane.ts';

interface QueuedJob {
  id: string;
  job: JobSpec;
  enqueuedAt: number;
  attempt: number;
}

const MAX_ATTEMPTS = 3;
/** Waiting jobs the lane keeps in the server's memory: one largest burst, not two. */
export const MEMORY_LANE_MAX_WAITING = 100_000;
/** Jobs added between two turns of the event loop. */
const ENQUEUE_SLICE = 2_000;

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
  /** Jobs of bursts still being added, already counted against the bound. */
  private arriving = 0;
  private readonly workerId = `memory@${hostname()}:${process.pid}`;
  /** `cpu` jobs run on threads: on the server's own, they would freeze the API and the socket. */
  private readonly cpu = new CpuPool();

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
    const waiting = this.queue.length - this.head + this.arriving;
    if (waiting + count > MEMORY_LANE_MAX_WAITING) throw new LaneFull(this.name, MEMORY_LANE_MAX_WAITING, waiting);
    const enqueuedAt = Date.now();
    const generation = this.generation;
    this.arriving += count;
    let added = 0;
    try {
      while (added < count && generation === this.generation) {
        const slice = Math.min(ENQUEUE_SLICE, count - added);
        for (let i = 0; i < slice; i++) {
          const id = String(this.nextId++);
          this.queue.push({ id, job, enqueuedAt, attempt: 1 });
          this.emit({ type: 'enqueued', jobId: id, kind: job.kind, params: job.params });
          sent?.(id);
        }
        added += slice;
        this.arriving -= slice;
        this.pump();
        // 100,000 jobs in one go would hold the event loop for most of a second.
        if (added < count) await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.arriving -= count - added;
    }
    return added;
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
        burnCpu: (n) => this.cpu.run(n),
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
    // A running 50,000,000 loop would hold its thread for a second: end it instead.
    await this.cpu.abort();
  }

  async close(): Promise<void> {
    await this.reset();
  }
}
