import type { WorkerInfo } from '../protocol/index.ts';
import type { CeleryEvent } from './celery-events.ts';
import { WorkerRegistry } from './worker-heartbeats.ts';

/** Ask a worker for its pool size at most this often, ms, while it has not answered. */
const ASK_AGAIN_MS = 5_000;

/**
 * The Celery workers on the lane's broker, listed the way Flower lists them: from their
 * `worker-online`/`worker-heartbeat`/`worker-offline` events, with the pool size that only
 * their answer to the `stats` control command tells.
 */
export class CeleryWorkers {
  private readonly registry: WorkerRegistry;
  private readonly poolSizes = new Map<string, number>();
  private readonly askedAt = new Map<string, number>();

  constructor(
    /**
     * Called for a worker whose pool size is not known yet, by node name: sends it `stats`, and
     * `enable_events`, as its task events may be off while its worker events already come.
     */
    private readonly contact: (node: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.registry = new WorkerRegistry(now);
  }

  /** Takes any Celery event; only worker events change the list. */
  seen(event: CeleryEvent): void {
    if (!event.type.startsWith('worker-') || event.pid === undefined) return;
    const node = event.hostname;
    const bye = event.type === 'worker-offline';
    const concurrency = this.poolSizes.get(node);
    if (concurrency === undefined && !bye) this.contactOnce(node);
    this.registry.record({
      id: node,
      host: node.slice(node.indexOf('@') + 1),
      pid: event.pid,
      concurrency: concurrency ?? 0,
      ...(bye ? { bye } : {}),
    });
    if (bye) {
      this.poolSizes.delete(node);
      this.askedAt.delete(node);
    }
  }

  /** Takes the pool sizes a `stats` reply carried. */
  poolSizesReported(sizes: Map<string, number>): void {
    for (const [node, size] of sizes) this.poolSizes.set(node, size);
  }

  list(): WorkerInfo[] {
    return this.registry.list().map((worker) => ({ ...worker, concurrency: this.poolSizes.get(worker.id) ?? worker.concurrency }));
  }

  private contactOnce(node: string): void {
    const last = this.askedAt.get(node);
    if (last !== undefined && this.now() - last < ASK_AGAIN_MS) return;
    this.askedAt.set(node, this.now());
    this.contact(node);
  }
}
