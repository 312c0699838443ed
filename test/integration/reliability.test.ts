import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReliabilityState } from '../../demo-server/src/protocol/demos/reliability.ts';
import { reliabilityNamespace } from '../../demo-server/src/scenarios/reliability/rig-specs.ts';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('the reliability demo over HTTP', () => {
  let server: Server;
  const state = async (): Promise<ReliabilityState> => (await getJson(`${server.url}/api/demos/reliability`)).state;
  const command = (name: string, body: unknown = {}) => postJson(`${server.url}/api/demos/reliability/${name}`, body);

  beforeAll(async () => {
    await Promise.all([requireRedis(), requireRabbitmq()]);
    // The regular lanes' own workers are not needed: the demo starts its own.
    server = await startTestServer({ workerConcurrency: 0 }, ['rabbitmq']);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    const own = reliabilityNamespace(server.config.namespace);
    await Promise.allSettled([deleteNamespace(own), purgeAmqpNamespace(own), purgeAmqpNamespace(server.config.namespace)]);
  });

  it('refuses a kill before any job runs, and a body it does not know', async () => {
    expect((await command('kill')).status).toBe(409);
    expect((await command('start', { jobs: 3 })).status).toBe(400);
    expect((await command('acks-late', { on: 'yes' })).status).toBe(400);
    expect((await state()).phase).toBe('idle');
  });

  it('kills every worker mid-task: Celery loses what it ran, the acks-late lanes lose nothing', async () => {
    expect((await command('start')).status).toBe(202);
    expect((await command('start')).status).toBe(409);
    const busy = await waitFor(async () => {
      const s = await state();
      const live = s.lanes.filter((lane) => lane.status === 'busy');
      return live.length >= 3 && live.every((lane) => lane.started === s.jobs.concurrency) ? s : undefined;
    }, { timeoutMs: 60_000, intervalMs: 200, what: 'every lane to run as many jobs as its worker has slots' });
    expect(busy.lanes.find((lane) => lane.lane === 'celery')?.sent).toBe(busy.jobs.perLane);

    expect((await command('kill')).status).toBe(202);
    const settled = await waitFor(async () => {
      const s = await state();
      return s.phase === 'settled' ? s : undefined;
    }, { timeoutMs: 40_000, intervalMs: 250, what: 'the verdict' });
    const lane = (id: string) => settled.lanes.find((l) => l.lane === id)!;
    const celery = lane('celery');
    expect(celery.runningAtKill).toBe(settled.jobs.concurrency);
    expect(celery.lost).toBe(celery.runningAtKill);
    expect(celery.redelivered).toBe(settled.jobs.perLane - settled.jobs.concurrency);
    expect(celery.completed).toBe(settled.jobs.perLane - celery.runningAtKill);
    for (const id of ['rabbitmq', 'bullmq']) {
      expect(lane(id).lost, id).toBe(0);
      expect(lane(id).completed, id).toBe(settled.jobs.perLane);
      expect(lane(id).redelivered, id).toBe(lane(id).runningAtKill);
      expect(lane(id).freshPid, id).not.toBe(lane(id).killedPid);
    }
    console.log(JSON.stringify(settled.lanes));
  }, 120_000);
});
