import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer } from '../support/demo-server.ts';

// A round itself (flaky jobs through every lane, the brokers' dead letters) is driven from the slide in test/e2e/retries.test.ts.
describe('the retries demo over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    await Promise.all([requireRedis(), requireRabbitmq()]);
    server = await startTestServer({ workerConcurrency: 0 }, ['rabbitmq']);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('refuses a failure rate outside 0..1 and a body it does not know, starting nothing', async () => {
    const run = (body: unknown) => postJson(`${server.url}/api/demos/retries/run`, body);
    expect((await run({ failRate: 1.5 })).status).toBe(400);
    expect((await run({ failRate: 0.3, count: 1000 })).status).toBe(400);
    expect((await run({})).status).toBe(400);
    const { state } = await getJson(`${server.url}/api/demos/retries`);
    expect(state.phase).toBe('idle');
    expect(state.lanes.map((lane: { lane: string }) => lane.lane)).toEqual(['celery', 'rabbitmq', 'bullmq', 'dramatiq']);
    expect(state.lanes.every((lane: { status: string; jobs: unknown[] }) => lane.status === 'idle' && lane.jobs.length === 0)).toBe(true);
  });
});
