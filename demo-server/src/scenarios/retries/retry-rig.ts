import type { Logger } from 'pino';
import type { JobEvent, Lane } from '../../lanes/lane.ts';
import { WorkerProcess, type WorkerCommand } from '../../lanes/worker-process.ts';
import { RetryRound } from './retry-round.ts';

/** One column of the retries demo: a lane in the demo's own namespace, the worker the demo runs for it, the round. */
export class RetryRig {
  private worker: WorkerProcess | null = null;
  private round: RetryRound | null = null;

  constructor(
    readonly lane: Lane,
    private readonly logger: Logger,
  ) {}

  receive(event: JobEvent): void {
    this.round?.record(event, Date.now());
  }

  startWorker(command: WorkerCommand): void {
    if (this.worker) return;
    this.worker = new WorkerProcess(command, this.logger, { ownProcessGroup: true });
    this.worker.start();
  }

  workerUp(): boolean {
    return this.lane.workers().length > 0;
  }

  /** Empties the lane's queues (dead letters included) and starts counting a new round. */
  async newRound(): Promise<void> {
    this.round = null;
    await this.lane.reset();
    this.round = new RetryRound(Date.now());
  }

  currentRound(): RetryRound | null {
    return this.round;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.round = null;
    await worker?.stop({ now: true });
    await this.lane.close();
  }
}
