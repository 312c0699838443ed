import type { ChainingState } from '../../demo-server/src/protocol/demos/chaining.ts';
import type { DemoServer } from '../../demo-server/src/server.ts';
import type { Recording } from '../../slides/panel/recording.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url}: HTTP ${res.status} ${await res.text()}`);
}

async function chainingState(server: DemoServer): Promise<ChainingState> {
  const res = await fetch(`${server.url}/api/demos/chaining`);
  return ((await res.json()) as { state: ChainingState }).state;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await pause(200);
  }
}

const log = (message: string): void => console.log(`[record] chaining: ${message}`);

/**
 * The Chaining slide: the pipeline once as it should go, then with the middle step failing; the recording is
 * the failing run, which shows where each framework stops (the passing run's values are in the log).
 * Frameworks that cannot run here (no Dramatiq worker) are recorded as they are, saying so.
 */
export async function recordChaining(server: DemoServer): Promise<Recording> {
  await until(
    'a framework able to run the pipeline',
    async () => (await chainingState(server)).columns.filter((c) => c.status === 'idle').length >= 2,
    90_000,
  );
  const finished = async () => (await chainingState(server)).columns.every((column) => column.status !== 'running');
  for (const failMiddle of [false, true]) {
    await post(`${server.url}/api/demos/chaining/run`, { failMiddle });
    await pause(500);
    await until('the pipeline to finish', finished, 60_000);
    for (const column of (await chainingState(server)).columns) {
      const steps = column.steps.map((step) => `${step.name} ${step.state} ${step.value ?? step.error ?? ''} ${step.startedMs ?? '-'}..${step.endedMs ?? '-'} ms`);
      log(`${failMiddle ? 'failing ' : ''}${column.framework}: ${column.status}${column.note ? ` (${column.note})` : ''} ${steps.join(' | ')}`);
    }
  }
  const state = await chainingState(server);
  await post(`${server.url}/api/reset`, {});
  return { panel: 'chaining', recordedAt: new Date().toISOString(), lanes: {}, demos: { chaining: state } };
}
