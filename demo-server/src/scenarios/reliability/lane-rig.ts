import type { Logger } from 'pino';
import type { JobEvent, Lane } from '../../lanes/lane.ts';
import { WorkerProcess, type WorkerCommand } from '../../lanes/worker-process.ts';
import type { ReliabilityLane, ReliabilityLaneId } from '../../protocol/demos/reliability.ts';
import { LaneRound } from './lane-round.ts';

/**
 * One column of the reliability demo: a lane in the demo's own namespace, the one worker process
 * the demo starts for it (its own process group, so a kill takes its pool too), and the round
 * counted from the lane's events. The worker's supervisor starts a fresh one after the kill, as
 * systemd, Kubernetes or `docker compose` would.
 */
export class LaneRig {
  private worker: WorkerProcess | null = null;
  private round: LaneRound | null = null;
  /** Worker pids that no longer count as "a worker is up": the killed ones and the ones replaced. */
  private readonly gone = new Set<number>();
  private killedPid: number | undefined;
  private freshPid: number | undefined;

  constructor(
    readonly id: ReliabilityLaneId,
    readonly lane: Lane,
    private readonly logger: Logger,
  ) {}

  /** The lane's events, as its broker delivers them. */
  receive(event: JobEvent): void {
    this.round?.record(event, Date.now());
  }

  /**
   * Starts the worker the demo runs for this lane, once the one it replaces (another command) has
   * stopped. The new one counts as this lane's worker from the first moment, so no second one is started meanwhile.
   */
  async runWorker(command: WorkerCommand): Promise<void> {
    const old = this.worker;
    const worker = new WorkerProcess(command, this.logger, { ownProcessGroup: true });
    this.worker = worker;
    if (old) {
      for (const { pid } of this.lane.workers()) this.gone.add(pid);
      await old.stop();
    }
    // Closed while the old one stopped: the new one never starts.
    if (this.worker === worker) worker.start();
  }

  /** `now`: SIGKILL, for a reset or shutdown that must not wait for a warm shutdown of long jobs. */
  async stopWorker({ now = false } = {}): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    for (const { pid } of this.lane.workers()) this.gone.add(pid);
    await worker.stop({ now });
  }

  hasWorker(): boolean {
    return this.worker !== null;
  }

  /** A worker of this lane other than the killed or replaced ones reports in over the broker. */
  workerUp(): number | undefined {
    return this.lane.workers().find((worker) => !this.gone.has(worker.pid))?.pid;
  }

  /** Empties the lane's queue and starts counting a new round. */
  async newRound(): Promise<void> {
    this.round = null;
    this.killedPid = this.freshPid = undefined;
    await this.lane.reset();
    this.round = new LaneRound(Date.now());
  }

  currentRound(): LaneRound | null {
    return this.round;
  }

  /** SIGKILL to the worker and its pool, mid-task. */
  kill(): void {
    if (!this.round || !this.worker) return;
    for (const { pid } of this.lane.workers()) this.gone.add(pid);
    this.round.kill(Date.now());
    this.killedPid = this.worker.killGroup();
    if (this.killedPid !== undefined) this.gone.add(this.killedPid);
  }

  /** Looks for the fresh worker and gives the round's verdict when due; true once settled. */
  judge(): boolean {
    if (!this.round) return true;
    const fresh = this.round.killed() ? this.workerUp() : undefined;
    if (fresh !== undefined) this.freshPid = fresh;
    return this.round.judge(Date.now(), fresh !== undefined);
  }

  /** The column's figures and pids; the caller adds label, status and hint. */
  figures(): Pick<ReliabilityLane, 'sent' | 'started' | 'runningAtKill' | 'redelivered' | 'completed' | 'lost' | 'killedPid' | 'freshPid'> {
    const figures = this.round?.figures() ?? { sent: 0, started: 0, runningAtKill: 0, redelivered: 0, completed: 0, lost: undefined };
    return { ...figures, killedPid: this.killedPid, freshPid: this.freshPid };
  }

  async close(): Promise<void> {
    await this.stopWorker({ now: true });
    this.round = null;
    await this.lane.close();
  }
}
