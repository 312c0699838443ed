import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const stats = (server: TestServer, lane: string) => getJson(`${server.url}/api/lanes/${lane}/stats`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the speaker controls', () => {
  let server: TestServer;

  beforeAll(async () => {
    await Promise.all([requireRedis(), requireRabbitmq()]);
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
    if (server) {
      await deleteNamespace(server.config.namespace);
      await purgeAmqpNamespace(server.config.namespace);
    }
  });

  it('runs a steady producer on a lane, shows it in the snapshot, and stops it with rate 0', async () => {
    const started = await postJson(`${server.url}/api/lanes/memory/producer`, { rate: 50, kind: 'noop' });
    expect(started.status).toBe(200);
    expect(started.body.producer).toMatchObject({ rate: 50, kind: 'noop' });
    expect(server.hub.snapshot().lanes.find((lane) => lane.name === 'memory')?.producer).toMatchObject({ rate: 50 });
    await waitFor(async () => ((await stats(server, 'memory')).completed >= 10 ? true : undefined), { what: '10 produced jobs' });

    const stopped = await postJson(`${server.url}/api/lanes/memory/producer`, { rate: 0 });
    expect(stopped.body.producer).toBeNull();
    await pause(300);
    const settled = (await stats(server, 'memory')).completed;
    await pause(400);
    expect((await stats(server, 'memory')).completed).toBe(settled);
    expect(server.hub.snapshot().lanes.find((lane) => lane.name === 'memory')?.producer).toBeUndefined();
  });

  it('stops every producer on reset', async () => {
    await postJson(`${server.url}/api/lanes/memory/producer`, { rate: 50, kind: 'noop' });
    await postJson(`${server.url}/api/reset`, {});
    expect(server.hub.producer('memory')?.state()).toBeUndefined();
  });

  it('races the same burst through three lanes, each run finishing with the exact count', async () => {
    await postJson(`${server.url}/api/lanes/bullmq/producer`, { rate: 20, kind: 'noop' });
    const race = await postJson(`${server.url}/api/race`, { lanes: ['memory', 'bullmq', 'rabbitmq'], kind: 'noop', count: 500 });
    expect(race.status).toBe(202);
    expect(race.body.lanes).toEqual([
      { name: 'memory', accepted: 500 },
      { name: 'bullmq', accepted: 500 },
      { name: 'rabbitmq', accepted: 500 },
    ]);
    // The race stopped the producer, so nothing but the burst is counted.
    expect(server.hub.producer('bullmq')?.state()).toBeUndefined();

    const runs = await waitFor(
      () => {
        const lanes = server.hub.snapshot().lanes.filter((lane) => ['memory', 'bullmq', 'rabbitmq'].includes(lane.name));
        return lanes.every((lane) => lane.run?.finishedAt != null) ? lanes.map((lane) => lane.run!) : undefined;
      },
      { what: 'every run to finish' },
    );
    for (const run of runs) {
      expect(run).toMatchObject({ id: race.body.id, kind: 'noop', count: 500 });
      expect(run.finishedAt!).toBeGreaterThanOrEqual(run.startedAt);
    }
    for (const lane of ['memory', 'bullmq', 'rabbitmq']) {
      expect(await stats(server, lane)).toEqual({ waiting: 0, active: 0, completed: 500, failed: 0, retried: 0 });
    }
    await postJson(`${server.url}/api/reset`, {});
    expect(server.hub.snapshot().lanes.every((lane) => lane.run === undefined)).toBe(true);
  });

  it('scales the worker processes of a lane up and back down', async () => {
    const workerCount = () => server.hub.lane('bullmq')!.workers().length;
    await waitFor(() => (workerCount() === 1 ? true : undefined), { what: 'the lane’s own worker' });

    const up = await postJson(`${server.url}/api/lanes/bullmq/workers`, { count: 3 });
    expect(up).toMatchObject({ status: 200, body: { lane: 'bullmq', count: 3 } });
    await waitFor(() => (workerCount() === 3 ? true : undefined), { what: 'three workers', timeoutMs: 30_000 });

    const down = await postJson(`${server.url}/api/lanes/bullmq/workers`, { count: 1 });
    expect(down.body.count).toBe(1);
    await waitFor(() => (workerCount() === 1 ? true : undefined), { what: 'one worker again' });

    await postJson(`${server.url}/api/lanes/bullmq/workers`, { count: 2 });
    await waitFor(() => (workerCount() === 2 ? true : undefined), { what: 'two workers', timeoutMs: 30_000 });
    await postJson(`${server.url}/api/reset`, {});
    // Reset takes the deck back to how it starts: one worker per lane.
    await waitFor(() => (workerCount() === 1 ? true : undefined), { what: 'one worker after the reset' });
  }, 90_000);

  it('answers bad control requests with a JSON 4xx and changes nothing', async () => {
    const cases: Array<[string, unknown, number, string]> = [
      ['/api/lanes/memory/producer', { rate: -1 }, 400, 'invalid_body'],
      ['/api/lanes/memory/producer', { rate: 5_000 }, 400, 'invalid_body'],
      ['/api/lanes/memory/producer', { rate: 5, kind: 'sleep', params: { ms: 600_000 } }, 400, 'invalid_body'],
      ['/api/lanes/kafka/producer', { rate: 5 }, 404, 'unknown_lane'],
      ['/api/race', { lanes: [], count: 10 }, 400, 'invalid_body'],
      ['/api/race', { lanes: ['memory', 'memory'], count: 10 }, 400, 'invalid_body'],
      ['/api/race', { lanes: ['memory'], count: 0 }, 400, 'invalid_body'],
      ['/api/lanes/memory/workers', { count: 2 }, 409, 'not_scalable'],
      ['/api/lanes/bullmq/workers', { count: 0 }, 400, 'invalid_body'],
      ['/api/lanes/bullmq/workers', { count: 99 }, 400, 'invalid_body'],
    ];
    for (const [path, body, status, code] of cases) {
      const res = await postJson(`${server.url}${path}`, body);
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({ path, status, code });
    }
    const form = await fetch(`${server.url}/api/race`, { method: 'POST', body: 'lanes=memory' });
    expect(form.status).toBe(415);
    expect(server.hub.producer('memory')?.state()).toBeUndefined();
  });
});
