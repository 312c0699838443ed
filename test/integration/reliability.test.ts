import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReliabilityState } from '../../demo-server/src/protocol/demos/reliability.ts';
import { reliabilityNamespace } from '../../demo-server/src/scenarios/reliability/rig-specs.ts';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer } from '../support/demo-server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

// The round itself (start, kill, verdict) is driven from the slide in test/e2e/reliability.test.ts.
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
    // Nothing started: the demo's workers start with its first round, not with the server.
    expect((await state()).lanes.every((lane) => lane.status === 'idle')).toBe(true);
    expect((await command('acks-late', { on: true })).body).toMatchObject({ celeryAcksLate: true });
    expect((await state()).lanes[0]).toMatchObject({ label: 'Celery + acks_late', acks: 'late' });
  });
});
