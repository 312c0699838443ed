// Frame rate of the deck while a panel shows a 20,000-job burst, from a Chromium trace.
//   npm run build && node --import tsx scripts/measure-panel-fps.ts [--panel race|queue] [--jobs 20000]
// `--jobs 0` measures the same page idle for 10 s: the machine's own frame rate, to compare with.
// A measurement, not a test: it prints frames per second and the longest frame, and exits 0.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../demo-server/src/config.ts';
import { createLogger } from '../demo-server/src/logger.ts';
import { startDemoServer } from '../demo-server/src/server.ts';
import { deleteNamespace, purgeAmqpNamespace } from '../test/support/brokers.ts';

const { values: args } = parseArgs({
  options: {
    panel: { type: 'string', default: 'race' },
    jobs: { type: 'string', default: '20000' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '720' },
  },
});
const jobs = Number(args.jobs);
const panel = args.panel === 'queue' ? 'queue' : 'race';
if (!existsSync('dist/index.html')) throw new Error('Build the deck first: npm run build');

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  args?: Record<string, unknown>;
}

/** Slide number of the first slide whose heading contains `title`. */
async function slideOf(page: Page, title: string): Promise<number> {
  const headings = await page.locator('section').evaluateAll((s) => s.map((x) => x.querySelector('h1')?.textContent ?? ''));
  return headings.findIndex((h) => h.includes(title)) + 1;
}

const config = { ...loadConfig(process.env), port: 0, namespace: `fps-${randomUUID().slice(0, 8)}`, logLevel: 'warn' as const };
const server = await startDemoServer(config, createLogger('warn'), ['memory', 'bullmq', 'rabbitmq']);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const page = await browser.newPage({ viewport: { width: Number(args.width), height: Number(args.height) } });
  await page.goto(`${server.url}/`);
  const n = await slideOf(page, panel === 'race' ? 'Message Broker' : 'Message Queue — live');
  await page.goto(`${server.url}/#${n}`);
  const root = page.locator(`.bespoke-marp-active [data-demo="${panel}"]`);
  await root.getByRole('button', { name: panel === 'race' ? 'Race 1,000' : '+100' }).waitFor();
  await page.waitForFunction((sel) => !document.querySelector(sel)?.querySelector('button:disabled'), `.bespoke-marp-active [data-demo="${panel}"]`);

  // A deck that moves every frame (as a slide transition or a video would), so every frame the
  // main thread can make is made; the trace then counts how many it made during the burst.
  // (A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.)
  await page.evaluate(`(() => {
    const probe = document.createElement('div');
    probe.style.cssText = 'position:fixed;left:0;top:0;width:4px;height:4px;background:#000;z-index:99';
    document.body.append(probe);
    window.frameGaps = [];
    let last = performance.now();
    const tick = (now) => {
      window.frameGaps.push(now - last);
      last = now;
      probe.style.transform = 'translateX(' + ((now / 10) % 100) + 'px)';
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.waitForTimeout(500);

  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'toplevel'] });
  await page.evaluate(() => ((window as unknown as { frameGaps: number[] }).frameGaps = []));
  const startedAt = Date.now();
  if (jobs === 0) {
    // The baseline: the same page, no burst, to tell the panel's cost from the machine's load.
    await page.waitForTimeout(10_000);
  } else if (panel === 'race') {
    await fetch(`${server.url}/api/race`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lanes: ['memory', 'bullmq', 'rabbitmq'], count: jobs }) });
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.startsWith('Winner'), `.bespoke-marp-active [data-demo="race"] .demo-race-status`, { timeout: 300_000, polling: 500 });
  } else {
    await fetch(`${server.url}/api/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lane: 'bullmq', kind: 'noop', count: jobs }) });
    await page.waitForFunction(
      ({ sel, jobs: total }) => document.querySelector(sel)?.textContent === total.toLocaleString('en-US'),
      { sel: `.bespoke-marp-active [data-demo="queue"] [data-stat="completed"]`, jobs },
      { timeout: 300_000, polling: 500 },
    );
  }
  const seconds = (Date.now() - startedAt) / 1000;
  const gaps = await page.evaluate(() => (window as unknown as { frameGaps: number[] }).frameGaps);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };

  // Frames the compositor drew for this page, and the renderer's own frames that it dropped.
  const events = trace.traceEvents;
  const drawn = events.filter((e) => e.name === 'DrawFrame');
  const dropped = events.filter((e) => e.name === 'DroppedFrame');
  const span = drawn.length > 1 ? (drawn.at(-1)!.ts - drawn[0]!.ts) / 1e6 : seconds;
  // The page's main thread: how busy the panels (and everything else on the page) kept it.
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => (e as TraceEvent & { pid: number; tid: number }).tid),
  );
  // Chromium names its top-level task `RunTask` or, in newer versions, `ThreadControllerImpl::RunTask`.
  const isTask = (name: string) => name === 'RunTask' || name === 'ThreadControllerImpl::RunTask';
  const tasks = events.filter((e) => e.ph === 'X' && isTask(e.name) && mainThreads.has((e as TraceEvent & { tid: number }).tid));
  const busyMs = tasks.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  const longTasks = tasks.filter((e) => (e.dur ?? 0) > 50_000);
  const sorted = [...gaps].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

  console.log(`panel: ${panel}, burst: ${jobs.toLocaleString('en-US')} jobs${panel === 'race' ? ' per lane (3 lanes)' : ' (BullMQ)'}, ${args.width}x${args.height}`);
  console.log(`burst on screen: ${seconds.toFixed(1)} s`);
  console.log(`trace: ${drawn.length} frames drawn in ${span.toFixed(1)} s = ${(drawn.length / span).toFixed(1)} fps; ${dropped.length} dropped; ${longTasks.length} main-thread tasks over 50 ms`);
  console.log(`page main thread busy ${((busyMs / 1000 / seconds) * 100).toFixed(1)} % of the time (${(busyMs / Math.max(1, gaps.length)).toFixed(2)} ms per frame)`);
  console.log(`rAF:   ${gaps.length} frames = ${(gaps.length / seconds).toFixed(1)} fps; frame time p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.stop();
  await Promise.allSettled([deleteNamespace(config.namespace, config.redisUrl), purgeAmqpNamespace(config.namespace, config.amqpUrl)]);
}
