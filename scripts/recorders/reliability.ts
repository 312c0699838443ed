// The reliability slide's recorded run: one round with Celery's default, the round that shows the loss.
import type { DemoConfig } from '../../demo-server/src/config.ts';
import { reliabilityStateSchema, type ReliabilityState } from '../../demo-server/src/protocol/demos/reliability.ts';
import { reliabilityNamespace } from '../../demo-server/src/scenarios/reliability/rig-specs.ts';
import type { DemoServer } from '../../demo-server/src/server.ts';
import type { Recording } from '../../slides/panel/recording.ts';
import { deleteNamespace, purgeAmqpNamespace } from '../../test/support/brokers.ts';

const log = (message: string): void => console.log(`[record] reliability: ${message}`);

async function command(server: DemoServer, name: string): Promise<void> {
  const res = await fetch(`${server.url}/api/demos/reliability/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status} ${await res.text()}`);
}

async function state(server: DemoServer): Promise<ReliabilityState> {
  const body = (await (await fetch(`${server.url}/api/demos/reliability`)).json()) as { state: unknown };
  return reliabilityStateSchema.parse(body.state);
}

async function until(server: DemoServer, what: string, done: (s: ReliabilityState) => boolean, timeoutMs: number): Promise<ReliabilityState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await state(server);
    if (done(s)) return s;
    if (s.problem) throw new Error(s.problem);
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function recordReliability(server: DemoServer, config: DemoConfig): Promise<Recording> {
  try {
    await command(server, 'start');
    log('long jobs sent; waiting until every worker slot is busy');
    await until(server, 'every slot to be busy', (s) => {
      const busy = s.lanes.filter((lane) => lane.status === 'busy');
      return s.phase === 'running' && busy.length > 0 && busy.every((lane) => lane.started >= s.jobs.concurrency);
    }, 90_000);
    await command(server, 'kill');
    log('workers killed; waiting for the verdict');
    const settled = await until(server, 'the verdict', (s) => s.phase === 'settled', 90_000);
    for (const lane of settled.lanes) {
      log(`${lane.label}: sent ${lane.sent}, running at kill ${lane.runningAtKill}, redelivered ${lane.redelivered}, lost ${lane.lost ?? '-'}, completed ${lane.completed}`);
    }
    // A recording keeps figures and names, never process ids.
    const lanes = settled.lanes.map(({ killedPid: _killed, freshPid: _fresh, ...lane }) => lane);
    return { panel: 'reliability', recordedAt: new Date().toISOString(), lanes: {}, demos: { reliability: { ...settled, lanes } } };
  } finally {
    await fetch(`${server.url}/api/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const own = reliabilityNamespace(config.namespace);
    await Promise.allSettled([deleteNamespace(own, config.redisUrl), purgeAmqpNamespace(own, config.amqpUrl)]);
  }
}
