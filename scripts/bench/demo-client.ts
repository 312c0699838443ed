import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import type { HealthResponse, LaneName, LaneStats, ServerMessage, WorkerInfo } from '../../demo-server/src/protocol/index.ts';

/** `POST /api/jobs`: enqueues `count` noop jobs on `lane`; resolves with how many the server accepted. */
export async function postNoops(url: string, lane: LaneName, count: number): Promise<number> {
  const res = await fetch(`${url}/api/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lane, kind: 'noop', count }),
  });
  const body = (await res.json()) as { accepted?: number; error?: { message: string } };
  if (res.status !== 202 || body.accepted !== count) {
    throw new Error(`POST /api/jobs ${lane} x${count} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body.accepted;
}

export async function getHealth(url: string): Promise<HealthResponse> {
  const res = await fetch(`${url}/api/health`);
  return (await res.json()) as HealthResponse;
}

interface Waiter {
  check: () => boolean;
  resolve: (receivedAt: number) => void;
}

/**
 * One WebSocket client of the demo server, as a panel is: it learns every lane's counters
 * from the snapshot and the deltas, and tells when a lane reached a count.
 */
export class DemoWatcher {
  private readonly stats = new Map<LaneName, LaneStats>();
  private readonly workerLists = new Map<LaneName, WorkerInfo[]>();
  private readonly waiters = new Set<Waiter>();
  private readonly completionWaiters = new Map<LaneName, Array<(serverAt: number) => void>>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.receive(JSON.parse(data.toString()) as ServerMessage));
  }

  /** Connects and resolves once the snapshot arrived. */
  static connect(wsUrl: string): Promise<DemoWatcher> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl);
      const watcher = new DemoWatcher(ws);
      ws.once('error', reject);
      ws.once('message', () => resolve(watcher));
    });
  }

  private receive(message: ServerMessage): void {
    if (message.type !== 'snapshot' && message.type !== 'delta') return;
    for (const lane of message.lanes) {
      this.stats.set(lane.name, lane.stats);
      this.workerLists.set(lane.name, lane.workers);
      if (message.type !== 'delta') continue;
      for (const job of lane.recent) {
        if (job.state !== 'completed') continue;
        const waiting = this.completionWaiters.get(lane.name)?.shift();
        waiting?.(job.at);
      }
    }
    const now = performance.now();
    for (const waiter of this.waiters) {
      if (!waiter.check()) continue;
      this.waiters.delete(waiter);
      waiter.resolve(now);
    }
  }

  completed(lane: LaneName): number {
    return this.stats.get(lane)?.completed ?? 0;
  }

  workers(lane: LaneName): WorkerInfo[] {
    return this.workerLists.get(lane) ?? [];
  }

  /** Resolves with performance.now() of the message after which `check` holds. */
  waitFor(check: () => boolean, what: string, timeoutMs = 120_000): Promise<number> {
    if (check()) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const waiter: Waiter = {
        check,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
      this.waiters.add(waiter);
    });
  }

  waitForCompleted(lane: LaneName, total: number, timeoutMs?: number): Promise<number> {
    return this.waitFor(() => this.completed(lane) >= total, `${total} completed jobs on ${lane} (at ${this.completed(lane)})`, timeoutMs);
  }

  /**
   * Resolves with the server's time (epoch ms) of the next job the lane reports completed.
   * Call it before enqueueing, with one job in flight at a time.
   */
  nextCompletion(lane: LaneName, timeoutMs = 30_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const list = this.completionWaiters.get(lane) ?? [];
      this.completionWaiters.set(lane, list);
      const timer = setTimeout(() => {
        list.splice(list.indexOf(done), 1);
        reject(new Error(`no completion on ${lane} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (at: number) => {
        clearTimeout(timer);
        resolve(at);
      };
      list.push(done);
    });
  }

  close(): void {
    this.ws.close();
  }
}
