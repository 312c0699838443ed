// The retries slide's recorded run: one round at a 60% failure rate, so all three outcomes show.
import type { DemoConfig } from '../../demo-server/src/config.ts';
import { retriesStateSchema, type RetriesState } from '../../demo-server/src/protocol/demos/retries.ts';
import { retriesNamespace } from '../../demo-server/src/scenarios/retries/retry-specs.ts';
import type { DemoServer } from '../../demo-server/src/server.ts';
import type { Recording } from '../../slides/panel/recording.ts';
import { deleteNamespace, purgeAmqpNamespace } from '../../test/support/brokers.ts';

const FAIL_RATE = 0.6;
const log = (message: string): void => console.log(`[record] retries: ${message}`);

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url}: HTTP ${res.status} ${await res.text()}`);
}

async function state(server: DemoServer): Promise<RetriesState> {
  const body = (await (await fetch(`${server.url}/api/demos/retries`)).json()) as { state: unknown };
  return retriesStateSchema.parse(body.state);
}

export async function recordRetries(server: DemoServer, config: DemoConfig): Promise<Recording> {
  try {
    await post(`${server.url}/api/demos/retries/run`, { failRate: FAIL_RATE });
    log(`12 flaky jobs per lane at ${FAIL_RATE * 100}% failure`);
    const deadline = Date.now() + 120_000;
    let done: RetriesState | undefined;
    while (!done) {
      const s = await state(server);
      if (s.problem) throw new Error(s.problem);
      if (s.phase === 'done') done = s;
      else if (Date.now() > deadline) throw new Error('timed out after 120 s waiting for the round to end');
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
    for (const lane of done.lanes) {
      log(`${lane.label}: sent ${lane.sent}, first try ${lane.firstTry}, after retries ${lane.afterRetries}, dead ${lane.deadLettered}`);
    }
    // A recording keeps figures and names: the jobs' broker ids stay out.
    const lanes = done.lanes.map((lane) => ({ ...lane, jobs: lane.jobs.map((job, i) => ({ ...job, id: String(i + 1) })) }));
    return { panel: 'retries', recordedAt: new Date().toISOString(), lanes: {}, demos: { retries: { ...done, lanes } } };
  } finally {
    await post(`${server.url}/api/reset`, {});
    const own = retriesNamespace(config.namespace);
    await Promise.allSettled([deleteNamespace(own, config.redisUrl), purgeAmqpNamespace(own, config.amqpUrl)]);
  }
}
