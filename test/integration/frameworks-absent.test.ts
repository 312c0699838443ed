import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainingState } from '../../demo-server/src/protocol/demos/chaining.ts';
import type { ResultsState } from '../../demo-server/src/protocol/demos/results.ts';
import type { RetriesState } from '../../demo-server/src/protocol/demos/retries.ts';
import type { SchedulingState } from '../../demo-server/src/protocol/demos/scheduling.ts';
import { retriesNamespace } from '../../demo-server/src/scenarios/retries/retry-specs.ts';
import { makeBarePython, type BarePython } from '../support/bare-python.ts';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';

// On a machine whose Python has neither Celery nor Dramatiq (PYTHON pointing at one with the standard library
// only): every lane and demo stays up, runs what it can, and says which framework is missing and how to add it.
describe('a PYTHON without Celery, Dramatiq and APScheduler', () => {
  let bare: BarePython;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const demo = async <T>(name: string): Promise<T> => (await getJson(`${server.url}/api/demos/${name}`)).state as T;

  beforeAll(async () => {
    await Promise.all([requireRabbitmq(), requireRedis()]);
    bare = await makeBarePython();
    server = await startTestServer({ python: bare.python }, ['rabbitmq', 'celery', 'dramatiq']);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await bare?.remove();
    if (!server) return;
    const own = retriesNamespace(server.config.namespace);
    await Promise.allSettled([deleteNamespace(server.config.namespace), purgeAmqpNamespace(server.config.namespace), deleteNamespace(own), purgeAmqpNamespace(own)]);
  });

  it('keeps the Dramatiq lane up, jobs waiting, and names the pinned install and the container', async () => {
    const lanes: Array<{ name: string; status: string; detail?: string; hint?: string }> = (await getJson(`${server.url}/api/health`)).lanes;
    const dramatiq = lanes.find((lane) => lane.name === 'dramatiq')!;
    expect(dramatiq.status).toBe('up');
    expect(dramatiq.detail).toContain(`${bare.python} cannot import Dramatiq`);
    expect(dramatiq.hint).toContain("pip install 'dramatiq[rabbitmq,redis]==2.2.0'");
    expect(dramatiq.hint).toContain('docker compose up -d dramatiq-worker');
    expect((await postJson(`${server.url}/api/jobs`, { lane: 'dramatiq', kind: 'noop', count: 3 })).body.accepted).toBe(3);
    expect(await getJson(`${server.url}/api/lanes/dramatiq/stats`)).toMatchObject({ waiting: 3, completed: 0 });
    expect(lanes.find((lane) => lane.name === 'celery')).toMatchObject({ status: 'up', hint: expect.stringContaining('worker:celery') });
  });

  it('runs the retries round on the lanes that can, the frameworks absent with the command that adds each', async () => {
    expect((await postJson(`${server.url}/api/demos/retries/run`, { failRate: 0.3 })).status).toBe(202);
    const done = await waitFor(async () => {
      const state = await demo<RetriesState>('retries');
      return state.phase === 'done' ? state : undefined;
    }, { timeoutMs: 60_000, intervalMs: 250, what: 'the round to end' });
    const byLane = Object.fromEntries(done.lanes.map((lane) => [lane.lane, lane]));
    expect(byLane.dramatiq).toMatchObject({ status: 'absent', hint: expect.stringContaining("pip install 'dramatiq[rabbitmq,redis]==2.2.0'") });
    expect(byLane.celery).toMatchObject({ status: 'absent', hint: expect.stringContaining("pip install 'celery[redis]==5.5.3'") });
    expect(byLane.rabbitmq!.status).toBe('done');
    expect(byLane.bullmq!.status).toBe('done');
  }, 90_000);

  it('refuses to start APScheduler, saying what it cannot import and how to install both', async () => {
    const refused = await postJson(`${server.url}/api/demos/scheduling/start`, { scheduler: 'dramatiq' });
    expect(refused.status).toBe(409);
    const dramatiq = (await demo<SchedulingState>('scheduling')).schedulers.find((s) => s.name === 'dramatiq')!;
    expect(dramatiq).toMatchObject({ status: 'unavailable', note: `APScheduler or Dramatiq cannot be imported by ${bare.python}` });
    expect(dramatiq.hint).toContain("pip install 'APScheduler==3.11.0' 'dramatiq[rabbitmq,redis]==2.2.0'");
  });

  it('shows the chaining and results columns of Dramatiq as unavailable, with the same hint as the lane', async () => {
    const { hint } = (await getJson(`${server.url}/api/health`)).lanes.find((lane: { name: string }) => lane.name === 'dramatiq');
    const chain = (await demo<ChainingState>('chaining')).columns.find((column) => column.framework === 'dramatiq')!;
    expect(chain).toMatchObject({ status: 'unavailable', note: 'Dramatiq worker not running', hint });
    const results = (await demo<ResultsState>('results')).columns.find((column) => column.framework === 'dramatiq')!;
    expect(results).toMatchObject({ status: 'unavailable', hint });
  });
});
