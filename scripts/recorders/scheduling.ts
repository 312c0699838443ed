import type { SchedulingState } from '../../demo-server/src/protocol/demos/scheduling.ts';
import type { DemoServer } from '../../demo-server/src/server.ts';
import type { Recording } from '../../slides/panel/recording.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string): void => console.log(`[record] scheduling: ${message}`);

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url}: HTTP ${res.status} ${await res.text()}`);
}

async function schedulingState(server: DemoServer): Promise<SchedulingState> {
  const res = await fetch(`${server.url}/api/demos/scheduling`);
  return ((await res.json()) as { state: SchedulingState }).state;
}

/**
 * The Scheduling slide: every scheduler that can run here ticks for a quarter of a minute; one is paused
 * a few seconds in the middle, so the recording shows a gap; the state is taken while they still tick.
 */
export async function recordScheduling(server: DemoServer): Promise<Recording> {
  const deadline = Date.now() + 90_000;
  while ((await schedulingState(server)).schedulers.find((s) => s.name === 'celery')?.status !== 'stopped') {
    if (Date.now() > deadline) throw new Error('timed out waiting for a Celery worker');
    await pause(500);
  }
  await post(`${server.url}/api/demos/scheduling/start`, {});
  await pause(8_000);
  await post(`${server.url}/api/demos/scheduling/pause`, { scheduler: 'bullmq' });
  await pause(4_000);
  await post(`${server.url}/api/demos/scheduling/start`, { scheduler: 'bullmq' });
  await pause(5_000);
  const state = await schedulingState(server);
  for (const s of state.schedulers) {
    const gaps = s.ticks.slice(1).map((t, i) => t - s.ticks[i]!);
    log(`${s.name}: ${s.status}, ${s.count} ticks, p50 ${s.intervalP50} ms, max ${s.intervalMax} ms, unrun ${s.unrun}; gaps ${gaps.join(' ')}${s.note ? ` (${s.note})` : ''}`);
  }
  await post(`${server.url}/api/reset`, {});
  return { panel: 'scheduling', recordedAt: new Date().toISOString(), lanes: {}, demos: { scheduling: state } };
}
