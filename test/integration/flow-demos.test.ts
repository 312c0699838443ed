import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson, startTestServer } from '../support/demo-server.ts';

/** The chaining, scheduling and results demos' commands at the HTTP edge, on a server with no framework lane. */
describe('the flow demos over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ workerConcurrency: 0 }, ['memory']);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers 400 with the issue for a bad body, and changes nothing', async () => {
    const bad: Array<[string, unknown]> = [
      ['chaining/run', { failMiddle: 'yes' }],
      ['chaining/run', { failMiddle: true, extra: 1 }],
      ['scheduling/start', { scheduler: 'cron' }],
      ['scheduling/pause', { scheduler: 42 }],
      ['results/enqueue', { framework: 'memcached' }],
    ];
    for (const [path, body] of bad) {
      const answer = await postJson(`${server.url}/api/demos/${path}`, body);
      expect(answer.status, path).toBe(400);
      expect(answer.body.error.code, path).toBe('invalid_body');
    }
    expect((await getJson(`${server.url}/api/demos/chaining`)).state).toMatchObject({ sentAt: null, failMiddle: false });
  });

  it('refuses with 409 and the reason when no framework can run, each column saying why', async () => {
    const chain = await postJson(`${server.url}/api/demos/chaining/run`, { failMiddle: false });
    expect(chain.status).toBe(409);
    expect(chain.body.error.message).toContain('the celery lane is not on this demo server');
    const results = await postJson(`${server.url}/api/demos/results/enqueue`, {});
    expect(results.status).toBe(409);
    const { state } = await getJson(`${server.url}/api/demos/results`);
    expect(state.columns.map((c: { status: string }) => c.status)).toEqual(['unavailable', 'unavailable', 'unavailable']);
    const beat = await postJson(`${server.url}/api/demos/scheduling/start`, { scheduler: 'celery' });
    expect(beat.status).toBe(409);
    expect(beat.body.error.message).toContain('Celery');
  });

  it('pauses what is not running without complaint, and resets to nothing', async () => {
    expect((await postJson(`${server.url}/api/demos/scheduling/pause`, {})).status).toBe(202);
    expect((await postJson(`${server.url}/api/reset`, {})).status).toBe(200);
    const { state } = await getJson(`${server.url}/api/demos/scheduling`);
    expect(state.schedulers.map((s: { count: number }) => s.count)).toEqual([0, 0, 0]);
  });
});
