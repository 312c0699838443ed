import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoConfig } from '../../demo-server/src/config.ts';
import type { ServerLane } from '../../demo-server/src/lanes/index.ts';
import { getJson, postJson, startTestServer, waitFor } from './demo-server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export interface LaneContractOptions {
  /** Checks the broker answers, failing with the command that starts it. */
  requireBroker?: () => Promise<void>;
  /** Removes what the test's namespace left on the broker. */
  cleanup?: (namespace: string) => Promise<void>;
  /** Attempts a flaky job gets before it is failed for good. */
  attempts: number;
  /** The lane keeps results in its framework's result store, which `lane.result()` reads back. */
  resultStore?: boolean;
  /** Configuration of the server under test, such as another broker for the lane. */
  config?: Partial<DemoConfig>;
}

export async function statsOf(server: TestServer, lane: string) {
  return getJson(`${server.url}/api/lanes/${lane}/stats`);
}

/** Waits until nothing is waiting or running on the lane, and returns its counts; a timeout says what it last saw. */
export async function settled(server: TestServer, lane: string, finished: number, timeoutMs = 30_000) {
  let last: unknown;
  try {
    return await waitFor(
      async () => {
        const s = await statsOf(server, lane);
        last = s;
        return s.completed + s.failed >= finished && s.waiting === 0 && s.active === 0 ? s : undefined;
      },
      { timeoutMs, what: `${finished} jobs finished on ${lane}` },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last stats ${JSON.stringify(last)}`);
  }
}

/** What every lane must do, run against each lane on its real broker. */
export function runLaneContract(lane: ServerLane, options: LaneContractOptions) {
  describe(`the ${lane} lane`, () => {
    let server: TestServer;

    beforeAll(async () => {
      await options.requireBroker?.();
      server = await startTestServer(options.config ?? {}, [lane]);
      // A worker in another language takes a few seconds to boot; the lane says so until it reports.
      await waitFor(() => (server.hub.lane(lane)!.workers().length > 0 ? true : undefined), {
        what: `a worker of the ${lane} lane`,
        timeoutMs: 30_000,
      });
    });
    afterAll(async () => {
      await server?.stop();
      if (server) await options.cleanup?.(server.config.namespace);
    });

    it('is up', async () => {
      expect((await getJson(`${server.url}/api/health`)).lanes).toEqual([{ name: lane, status: 'up' }]);
    });

    it('completes 10,000 noop jobs and counts exactly 10,000', async () => {
      const res = await postJson(`${server.url}/api/jobs`, { lane, kind: 'noop', count: 10_000 });
      expect(res.status).toBe(202);
      expect(res.body.accepted).toBe(10_000);
      // A Python pool on two busy cores (Celery's prefork) needs up to a minute where Node needs seconds.
      expect(await settled(server, lane, 10_000, 60_000)).toMatchObject({ waiting: 0, active: 0, completed: 10_000, failed: 0, retried: 0 });
    }, 90_000);

    if (options.resultStore) {
      it('reads the results of finished jobs back from the result store', async () => {
        const finished = server.hub.monitor(lane)!.recentJobs().filter((job) => job.state === 'completed');
        expect(finished.length).toBeGreaterThan(0);
        for (const job of finished) {
          expect(await server.hub.lane(lane)!.result!(job.id, 'noop')).toEqual({ status: 'succeeded', value: null });
        }
      });
    }

    it('retries a job that always fails as configured, then fails it for good', async () => {
      await postJson(`${server.url}/api/reset`, {});
      const res = await postJson(`${server.url}/api/jobs`, { lane, kind: 'flaky', count: 20, params: { failRate: 1 } });
      expect(res.status).toBe(202);
      expect(await settled(server, lane, 20)).toMatchObject({
        completed: 0,
        failed: 20,
        retried: 20 * (options.attempts - 1),
      });
    });

    it('does not retry a job that succeeds', async () => {
      await postJson(`${server.url}/api/reset`, {});
      await postJson(`${server.url}/api/jobs`, { lane, kind: 'flaky', count: 20, params: { failRate: 0 } });
      expect(await settled(server, lane, 20)).toMatchObject({ completed: 20, failed: 0, retried: 0 });
    });

    it('lists the worker it runs, and measures throughput and latency', async () => {
      const snapshot = server.hub.snapshot();
      const state = snapshot.lanes.find((l) => l.name === lane)!;
      expect(state.workers.length).toBeGreaterThanOrEqual(1);
      expect(state.workers[0]!.concurrency).toBeGreaterThan(0);
      expect(state.latency.p50).not.toBeNull();
      expect(state.latency.p99!).toBeGreaterThanOrEqual(state.latency.p50!);
    });
  });
}
