import type { ResultsState } from '../../demo-server/src/protocol/demos/results.ts';
import type { DemoServer } from '../../demo-server/src/server.ts';
import type { Recording } from '../../slides/panel/recording.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string): void => console.log(`[record] results: ${message}`);

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url}: HTTP ${res.status} ${await res.text()}`);
}

async function resultsState(server: DemoServer): Promise<ResultsState> {
  const res = await fetch(`${server.url}/api/demos/results`);
  return ((await res.json()) as { state: ResultsState }).state;
}

/**
 * The Result store slide: one job on each framework, left to expire (a minute), then two more; the
 * recording shows the expired result under two live ones, their TTLs as Redis reported them.
 */
export async function recordResults(server: DemoServer): Promise<Recording> {
  const deadline = Date.now() + 90_000;
  while ((await resultsState(server)).columns.find((c) => c.framework === 'celery')?.status !== 'ready') {
    if (Date.now() > deadline) throw new Error('timed out waiting for a Celery worker');
    await pause(500);
  }
  await post(`${server.url}/api/demos/results/enqueue`, {});
  log('one job on each framework; waiting 65 s for its result to expire');
  await pause(65_000);
  await post(`${server.url}/api/demos/results/enqueue`, {});
  await pause(6_000);
  await post(`${server.url}/api/demos/results/enqueue`, {});
  await pause(3_000);
  const state = await resultsState(server);
  for (const column of state.columns) {
    log(`${column.framework} (${column.expiry}): ${column.results.map((r) => `${r.state} ${r.value} ttl ${r.ttlMs}`).join(' | ')}${column.note ? ` (${column.note})` : ''}`);
  }
  await post(`${server.url}/api/reset`, {});
  return { panel: 'results', recordedAt: new Date().toISOString(), lanes: {}, demos: { results: state } };
}
