import type { Logger } from 'pino';
import type { DemoConfig } from '../config.ts';
import type { LaneName } from '../protocol/index.ts';
import { nodeWorkerCommand, WorkerProcess } from './worker-process.ts';

/** Lanes whose worker is the demo's own Node worker (`npm run worker`), which the server can start more of. */
export const scalableLanes = ['bullmq', 'rabbitmq'] as const satisfies readonly LaneName[];
export type ScalableLane = (typeof scalableLanes)[number];

export function isScalableLane(name: LaneName): name is ScalableLane {
  return (scalableLanes as readonly LaneName[]).includes(name);
}

/** Concurrency of an added worker when the server was told to start none of its own. */
const FALLBACK_CONCURRENCY = 8;

/**
 * More worker processes for a lane, beside the one the lane starts itself: the speaker's
 * "consumers" control. Each is a WorkerProcess like the lane's own, restarted when a job kills it.
 */
export class ExtraWorkers {
  private readonly running = new Map<ScalableLane, WorkerProcess[]>();

  constructor(
    private readonly config: DemoConfig,
    private readonly logger: Logger,
  ) {}

  /** Worker processes the lane starts by itself, which this class never stops. */
  ownWorkers(): number {
    return this.config.workerConcurrency > 0 ? 1 : 0;
  }

  /** Server-started workers of the lane, its own included. */
  count(lane: ScalableLane): number {
    return this.ownWorkers() + (this.running.get(lane)?.length ?? 0);
  }

  /** Starts or stops extra workers until the server runs `total` for the lane, its own included. */
  async scaleTo(lane: ScalableLane, total: number): Promise<number> {
    const extras = this.running.get(lane) ?? [];
    this.running.set(lane, extras);
    const wanted = Math.max(0, total - this.ownWorkers());
    while (extras.length < wanted) {
      const worker = new WorkerProcess(
        nodeWorkerCommand(lane, this.config.workerConcurrency || FALLBACK_CONCURRENCY, {
          REDIS_URL: this.config.redisUrl,
          AMQP_URL: this.config.amqpUrl,
          DEMO_NAMESPACE: this.config.namespace,
        }),
        this.logger.child({ lane, worker: 'extra' }),
      );
      worker.start();
      extras.push(worker);
    }
    await Promise.all(extras.splice(wanted).map((worker) => worker.stop()));
    return this.count(lane);
  }

  /** Stops every worker this class started (on reset and shutdown); the lanes' own keep running. */
  async stop(): Promise<void> {
    await Promise.all([...this.running.keys()].map((lane) => this.scaleTo(lane, 0)));
  }
}
