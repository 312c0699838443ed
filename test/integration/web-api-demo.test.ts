import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebApiRequest, WebApiState } from '../../demo-server/src/protocol/index.ts';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe('the web-API demo over HTTP', () => {
  let server: TestServer;
  const state = async (): Promise<WebApiState> => (await getJson(`${server.url}/api/demos/web-api`)).state;

  beforeAll(async () => {
    await Promise.all([requireRedis(), requireRabbitmq()]);
    server = await startTestServer({}, ['bullmq', 'rabbitmq']);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    if (server) {
      await deleteNamespace(server.config.namespace);
      await purgeAmqpNamespace(server.config.namespace);
    }
  });

  it('answers an async signup before its 1.5 s email is sent, and a sync one only after', async () => {
    const emailsSent = () => server.hub.monitor('rabbitmq')!.currentStats().completed;
    const sentBefore = emailsSent();
    const queued = await postJson(`${server.url}/api/demos/web-api/signup`, { lane: 'rabbitmq', variant: 'async' });
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ demo: 'web-api', command: 'signup', variant: 'async', status: 'queued' });
    expect(queued.body.jobId).toEqual(expect.any(String));
    // Before its email was sent: what the answer promises, whatever the machine's speed (a time bound
    // failed here while the server's two workers were still booting on a busy machine).
    expect(emailsSent()).toBe(sentBefore);

    const syncStart = Date.now();
    const sent = await postJson(`${server.url}/api/demos/web-api/signup`, { lane: 'rabbitmq', variant: 'sync' });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ variant: 'sync', status: 'sent' });
    expect(Date.now() - syncStart).toBeGreaterThanOrEqual(1_500);
  }, 30_000);

  it('fires a round of 3 requests per variant and keeps each timeline from the lane events', async () => {
    const fired = await postJson(`${server.url}/api/demos/web-api/fire`, { lane: 'bullmq', requests: 3 });
    expect(fired.status).toBe(202);
    expect(fired.body).toMatchObject({ lane: 'bullmq', requests: 3 });

    const again = await postJson(`${server.url}/api/demos/web-api/fire`, { lane: 'bullmq', requests: 1 });
    expect(again.status).toBe(409);

    const round = await waitFor(async () => {
      const { round } = await state();
      return round && round.id === fired.body.round && round.done ? round : undefined;
    }, { what: 'the round to finish', timeoutMs: 20_000 });
    expect(round.timelines).toHaveLength(6);
    const of = (variant: string) => round.timelines.filter((t: WebApiRequest) => t.variant === variant);
    for (const t of round.timelines) {
      expect(t.error).toBeUndefined();
      expect(t.jobFinishedMs! - t.jobStartedMs!).toBeGreaterThanOrEqual(1_400);
    }
    for (const t of of('async')) expect(t.answeredMs!).toBeLessThan(t.jobStartedMs! + 100);
    for (const t of of('sync')) expect(t.answeredMs!).toBeGreaterThanOrEqual(t.jobFinishedMs!);
  }, 30_000);

  it('refuses a lane it does not offer and too many requests, changing nothing', async () => {
    const before = await state();
    expect((await postJson(`${server.url}/api/demos/web-api/fire`, { lane: 'memory' })).status).toBe(400);
    const absent = await postJson(`${server.url}/api/demos/web-api/fire`, { lane: 'celery' });
    expect(absent.status).toBe(409);
    expect(absent.body.error.message).toBe('This demo server runs no celery lane.');
    expect((await postJson(`${server.url}/api/demos/web-api/fire`, { requests: 21 })).status).toBe(400);
    expect((await postJson(`${server.url}/api/demos/web-api/signup`, { variant: 'later' })).status).toBe(400);
    expect(await state()).toEqual(before);
  });

  it('forgets the round on reset', async () => {
    await postJson(`${server.url}/api/reset`, {});
    expect((await state()).round).toBeNull();
  });
});
