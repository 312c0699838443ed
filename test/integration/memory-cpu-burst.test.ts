import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_CPU_N } from '../../demo-server/src/protocol/index.ts';
import { MEMORY_LANE_MAX_WAITING } from '../../demo-server/src/lanes/memory.ts';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, uniqueNamespace, waitFor } from '../support/demo-server.ts';
import { freePort } from '../support/private-brokers.ts';
import { ServerProcess } from '../support/server-process.ts';

const WATCH_MS = 4_000;
const BASELINE_MS = 2_000;

interface Sample {
  /** When it was asked, performance.now(). */
  at: number;
  ms: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

describe('the in-memory lane under a burst of the largest cpu jobs', () => {
  // A process of its own, as `npm start` runs it: what is measured is the server's event loop, not the test's.
  let server: ServerProcess;

  beforeAll(async () => {
    await Promise.all([requireRedis(), requireRabbitmq()]);
    server = new ServerProcess(await freePort(), uniqueNamespace(), { WORKER_CONCURRENCY: '0', RATE_LIMIT_PER_MINUTE: '100000' });
    await server.start();
  }, 60_000);
  afterAll(async () => {
    await server?.kill();
    if (server) {
      await deleteNamespace(server.namespace);
      await purgeAmqpNamespace(server.namespace);
    }
  });

  it('keeps /api/health and the socket on time, bounds its queue with 429, and resets at once', async () => {
    // BullMQ with a steady producer and no worker: its waiting count moves every 100 ms, so deltas keep coming.
    expect((await postJson(`${server.url}/api/lanes/bullmq/producer`, { rate: 200, kind: 'noop' })).status).toBe(200);
    const ws = new WebSocket(server.url.replace('http', 'ws') + '/ws');
    const deltaTimes: number[] = [];
    // A ping is answered on the loop that runs the ticks: its round trip is how late a tick can be.
    const pongs: Sample[] = [];
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'delta') deltaTimes.push(performance.now());
      if (message.type === 'pong') pongs.push({ at: message.t, ms: performance.now() - message.t });
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));

    // Asked all along, from before the burst is sent until seconds into it.
    const health: Sample[] = [];
    let watching = true;
    const pinger = setInterval(() => ws.send(JSON.stringify({ type: 'ping', t: performance.now() })), 50);
    const sampler = (async () => {
      while (watching) {
        const asked = performance.now();
        const res = await fetch(`${server.url}/api/health`);
        expect(res.status).toBe(200);
        await res.arrayBuffer();
        health.push({ at: asked, ms: performance.now() - asked });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    // A baseline on the same machine at the same moment, for the report.
    await new Promise((resolve) => setTimeout(resolve, BASELINE_MS));
    const firstDelta = deltaTimes.length;
    const sentAt = performance.now();
    const burst = await postJson(`${server.url}/api/jobs`, { lane: 'memory', kind: 'cpu', count: MEMORY_LANE_MAX_WAITING, params: { n: MAX_CPU_N } });
    const enqueueMs = performance.now() - sentAt;
    expect(burst.status).toBe(202);
    expect(burst.body.accepted).toBe(MEMORY_LANE_MAX_WAITING);

    const full = await postJson(`${server.url}/api/jobs`, { lane: 'memory', kind: 'noop', count: 1_000 });
    expect(full.status).toBe(429);
    expect(full.body.error.code).toBe('queue_full');
    expect(full.body.error.message).toContain('100,000');

    // The jobs run meanwhile, on their thread (which takes a moment to start on a busy machine).
    await waitFor(async () => ((await getJson(`${server.url}/api/lanes/memory/stats`)).completed >= 3 ? true : undefined), {
      what: 'cpu jobs completing',
    });
    const watched = performance.now() - sentAt;
    if (watched < WATCH_MS) await new Promise((resolve) => setTimeout(resolve, WATCH_MS - watched));
    watching = false;
    clearInterval(pinger);
    await sampler;
    const gaps = deltaTimes.slice(firstDelta).slice(1).map((t, i) => t - deltaTimes[firstDelta + i]!);
    const memory = await getJson(`${server.url}/api/lanes/memory/stats`);
    ws.close();

    const before = (samples: Sample[]) => samples.filter((s) => s.at < sentAt).map((s) => s.ms);
    const during = (samples: Sample[]) => samples.filter((s) => s.at >= sentAt).map((s) => s.ms);
    const report = {
      enqueueMs: Math.round(enqueueMs),
      healthP50: Math.round(percentile(during(health), 50)),
      healthP99: Math.round(percentile(during(health), 99)),
      healthMax: Math.round(Math.max(...during(health))),
      pongP50: Math.round(percentile(during(pongs), 50)),
      pongP99: Math.round(percentile(during(pongs), 99)),
      pongMax: Math.round(Math.max(...during(pongs))),
      deltaGapMax: Math.round(Math.max(...gaps)),
      baseline: {
        healthP50: Math.round(percentile(before(health), 50)),
        healthMax: Math.round(Math.max(...before(health))),
        pongP50: Math.round(percentile(before(pongs), 50)),
        pongMax: Math.round(Math.max(...before(pongs))),
      },
      cpuJobsDone: memory.completed,
      watchedMs: Math.round(performance.now() - sentAt),
    };
    console.info(`memory lane cpu burst: ${JSON.stringify(report)}`);
    // On the server's own thread, eight jobs of ~0.4 s each ran back to back (seconds on a busy machine), and
    // the burst itself was one loop: most answers, pongs and ticks waited for seconds. The goal (under 100 ms,
    // ticks at 50 ms) is the report's; these bounds leave room for a shared two-core machine and still fail that.
    expect(report.healthP50).toBeLessThan(250);
    expect(report.healthMax).toBeLessThan(2_000);
    expect(report.pongP50).toBeLessThan(250);
    expect(report.pongMax).toBeLessThan(2_000);
    expect(report.deltaGapMax).toBeLessThan(2_000);

    const resetFrom = performance.now();
    expect((await postJson(`${server.url}/api/reset`, {})).status).toBe(200);
    expect(performance.now() - resetFrom).toBeLessThan(2_000);
    await waitFor(async () => {
      const stats = await getJson(`${server.url}/api/lanes/memory/stats`);
      return stats.waiting === 0 && stats.active === 0 ? true : undefined;
    });
    expect((await postJson(`${server.url}/api/jobs`, { lane: 'memory', kind: 'cpu', count: 2, params: { n: 1_000 } })).status).toBe(202);
    await waitFor(async () => ((await getJson(`${server.url}/api/lanes/memory/stats`)).completed === 2 ? true : undefined), { what: 'cpu jobs on fresh threads' });
  }, 60_000);
});
