import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../demo-server/src/config.ts';
import { pythonCanImport } from '../../demo-server/src/lanes/python-workers.ts';
import type { ChainingState } from '../../demo-server/src/protocol/demos/chaining.ts';
import type { ResultsState } from '../../demo-server/src/protocol/demos/results.ts';
import type { SchedulingState } from '../../demo-server/src/protocol/demos/scheduling.ts';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';

// Run by `npm run test:dramatiq` with a real Dramatiq worker (see dramatiq-worker.dramatiq.ts): the Dramatiq
// columns of the chaining, scheduling and results demos, which `npm test` can only show as unavailable.
const { python } = loadConfig(process.env);
if (!(await pythonCanImport(python, 'dramatiq'))) {
  throw new Error(`${python} cannot import dramatiq: pip install 'dramatiq[rabbitmq,redis]' (or set PYTHON / PYTHONPATH), then npm run test:dramatiq`);
}

describe('the flow demos with a real Dramatiq worker', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const demo = async <T>(name: string): Promise<T> => (await getJson(`${server.url}/api/demos/${name}`)).state as T;

  beforeAll(async () => {
    await Promise.all([requireRabbitmq(), requireRedis()]);
    server = await startTestServer({ workerConcurrency: 2 }, ['dramatiq']);
    await waitFor(async () => ((await demo<ChainingState>('chaining')).columns[1]!.status === 'idle' ? true : undefined), { timeoutMs: 60_000 });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    if (server) await Promise.all([deleteNamespace(server.config.namespace), purgeAmqpNamespace(server.config.namespace)]);
  });

  const finished = async () => {
    const state = await demo<ChainingState>('chaining');
    return state.columns[1]!.status !== 'running' ? state.columns[1]! : undefined;
  };

  it('runs the pipeline, each step fed the previous return value, read back from the Results middleware', async () => {
    expect((await postJson(`${server.url}/api/demos/chaining/run`, { failMiddle: false })).status).toBe(202);
    const dramatiq = await waitFor(finished, { timeoutMs: 30_000 });
    expect(dramatiq.status).toBe('succeeded');
    expect(dramatiq.steps.map((step) => step.value)).toEqual(['[1,2,3]', '[1,4,9]', '{"rows":3,"total":14}']);
  }, 40_000);

  it('stops the pipeline when the middle step fails for good after its retries; store never runs', async () => {
    await postJson(`${server.url}/api/demos/chaining/run`, { failMiddle: true });
    const dramatiq = await waitFor(finished, { timeoutMs: 30_000 });
    expect(dramatiq.steps.map((step) => step.state)).toEqual(['succeeded', 'failed', 'never']);
    expect(dramatiq.steps[1]).toMatchObject({ retries: 2, error: expect.stringContaining('TransformError') });
  }, 40_000);

  it('ticks from APScheduler once a second, and stops when paused', async () => {
    await postJson(`${server.url}/api/demos/scheduling/start`, { scheduler: 'dramatiq' });
    const ticking = await waitFor(async () => {
      const s = (await demo<SchedulingState>('scheduling')).schedulers[2]!;
      return s.count >= 3 ? s : undefined;
    }, { timeoutMs: 30_000 });
    expect(ticking.intervalP50).toBeGreaterThan(800);
    expect(ticking.intervalP50).toBeLessThan(1_200);
    await postJson(`${server.url}/api/demos/scheduling/pause`, { scheduler: 'dramatiq' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const paused = (await demo<SchedulingState>('scheduling')).schedulers[2]!.count;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await demo<SchedulingState>('scheduling')).schedulers[2]!.count).toBe(paused);
  }, 45_000);

  it('stores a result with the result_ttl sent in the message, counting down in Redis', async () => {
    await postJson(`${server.url}/api/demos/results/enqueue`, { framework: 'dramatiq' });
    const stored = await waitFor(async () => {
      const result = (await demo<ResultsState>('results')).columns[1]!.results[0];
      return result?.state === 'stored' ? result : undefined;
    }, { timeoutMs: 20_000 });
    expect(Number(JSON.parse(stored.value!))).toBeGreaterThan(0);
    expect(stored.ttlMs).toBeGreaterThan(50_000);
    expect(stored.ttlMs).toBeLessThanOrEqual(60_000);
  }, 30_000);
});
