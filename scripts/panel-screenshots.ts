// Screenshots of every panel slide, live and as exported, at the sizes the talk meets:
// 1280x720, 1920x1080 (projectors) and 1024x768 (a 4:3 projector). To look at, not to test.
//   npm run build && node --import tsx scripts/panel-screenshots.ts [--out dist/screenshots] [--only race,batch] [--exported-only] [--readme]
// Exported: every slide with a panel, from dist/index.html opened as a file (its recorded run).
// Live: a demo server of its own (memory, BullMQ, RabbitMQ, Celery) and each panel after a click or two.
// --readme also writes images/readme-live-queue.png and images/readme-race.png.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '../demo-server/src/config.ts';
import { createLogger } from '../demo-server/src/logger.ts';
import type { DemoName, DemoStates } from '../demo-server/src/protocol/index.ts';
import { startDemoServer } from '../demo-server/src/server.ts';
import { deleteNamespace, purgeAmqpNamespace } from '../test/support/brokers.ts';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist/screenshots' },
    only: { type: 'string', default: '' },
    'exported-only': { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
  },
});
const sizes = [
  [1280, 720],
  [1920, 1080],
  [1024, 768],
] as const;
type Size = (typeof sizes)[number];
const tagOf = ([width, height]: Size) => `${width}x${height}`;
const only = new Set(args.only.split(',').map((name) => name.trim()).filter(Boolean));
const wanted = (panel: string) => only.size === 0 || only.has(panel);
if (!existsSync('dist/index.html')) throw new Error('Build the deck first: npm run build');
mkdirSync(args.out, { recursive: true });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Every slide holding a panel: its number (as the deck's `#N` counts) and the panel's `data-demo` selector. */
async function panelSlides(page: Page): Promise<{ n: number; panel: string; selector: string }[]> {
  const found = await page.locator('section').evaluateAll((sections) =>
    sections.map((section) => {
      const el = section.querySelector<HTMLElement>('[data-demo]');
      if (!el) return undefined;
      const attrs = ['data-demo', 'data-lane', 'data-lanes', 'data-focus'].filter((name) => el.hasAttribute(name));
      return { panel: el.dataset.demo ?? '', selector: attrs.map((name) => `[${name}="${el.getAttribute(name)}"]`).join('') };
    }),
  );
  return found.flatMap((slide, i) => (slide ? [{ n: i + 1, ...slide }] : []));
}

async function open(browser: Browser, deckUrl: string, selector: string, [width, height]: Size): Promise<{ page: Page; panel: Locator }> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(deckUrl);
  const slides = await panelSlides(page);
  const slide = slides.find((s) => s.selector === selector) ?? slides.find((s) => selector.startsWith(`[data-demo="${s.panel}"]`));
  if (!slide) throw new Error(`No slide with ${selector} in the deck`);
  await page.goto(`${deckUrl}#${slide.n}`);
  // Marp's page controls would cover the bottom of the panel.
  await page.addStyleTag({ content: '.bespoke-marp-osc { display: none !important; }' });
  await pause(1_500);
  await page.mouse.move(width - 5, 5);
  return { page, panel: page.locator(`.bespoke-marp-active ${selector}`) };
}

const shot = async (page: Page, name: string) => {
  const file = path.join(args.out, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`[shots] ${file}`);
};

/** Waits until `panel` has a button named `name` that can be pressed, then presses it. */
async function press(panel: Locator, name: string): Promise<void> {
  const button = panel.getByRole('button', { name, exact: true });
  await button.waitFor({ timeout: 60_000 });
  for (let i = 0; i < 600 && !(await button.isEnabled()); i++) await pause(100);
  await button.click();
}

/**
 * A demo panel driven once at 1280x720, then shot at every size (its state is the server's): a button
 * pressed, then a wait for the server to say the round is over, or for a few seconds.
 */
interface LiveDemo {
  readonly panel: DemoName;
  /** What to do instead of one press and a wait. */
  readonly run?: (panel: Locator, server: string) => Promise<void>;
  readonly press?: string;
  readonly until?: (server: string) => Promise<boolean>;
  readonly settleMs?: number;
}

const until = async (check: () => Promise<boolean>, timeoutMs: number) => {
  for (const end = Date.now() + timeoutMs; Date.now() < end && !(await check()); ) await pause(250);
};
async function stateOf<N extends DemoName>(server: string, demo: N): Promise<DemoStates[N]> {
  return ((await (await fetch(`${server}/api/demos/${demo}`)).json()) as { state: DemoStates[N] }).state;
}

/** The batch takes a second worker mid-run: two presses. */
async function runBatch(panel: Locator, server: string): Promise<void> {
  await press(panel, 'Start the batch');
  await until(async () => ((await stateOf(server, 'batch'))?.run?.completed ?? 0) > 20, 30_000);
  await press(panel, 'Add a worker');
  await until(async () => (await stateOf(server, 'batch'))?.run?.finishedAt != null, 90_000);
}

const liveDemos: LiveDemo[] = [
  { panel: 'batch', run: runBatch },
  { panel: 'web-api', press: '20 at once', until: async (server) => (await stateOf(server, 'web-api'))?.round?.done === true },
  { panel: 'retries', press: 'Fail 60%', until: async (server) => (await stateOf(server, 'retries'))?.phase === 'done' },
  { panel: 'scheduling', press: 'Start all', settleMs: 8_000 },
  { panel: 'results', press: 'Run cpu(n) on each', settleMs: 6_000 },
  { panel: 'chaining', press: 'Run fetch → transform → store', settleMs: 8_000 },
  { panel: 'monitoring', press: 'Send 5 jobs to each lane', settleMs: 5_000 },
  { panel: 'reliability' },
];

async function drive(demo: LiveDemo, panel: Locator, server: string): Promise<void> {
  if (demo.run) return demo.run(panel, server);
  if (demo.press) await press(panel, demo.press);
  if (demo.until) await until(() => demo.until!(server), 120_000);
  await pause(demo.settleMs ?? 0);
}

const config = { ...loadConfig(process.env), port: 0, namespace: `shots-${randomUUID().slice(0, 8)}`, logLevel: 'warn' as const };
const server = await startDemoServer(config, createLogger('warn'), ['memory', 'bullmq', 'rabbitmq', 'celery']);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await pause(2_000);
  const exported = pathToFileURL(path.resolve('dist/index.html')).href;
  const index = await browser.newPage();
  await index.goto(exported);
  const slides = (await panelSlides(index)).filter((slide) => wanted(slide.panel));
  await index.close();
  for (const size of sizes) {
    for (const slide of slides) {
      const { page } = await open(browser, exported, slide.selector, size);
      await shot(page, `${String(slide.n).padStart(2, '0')}-${slide.panel}-static-${tagOf(size)}`);
      await page.close();
    }
  }

  for (const size of args['exported-only'] ? [] : sizes) {
    const tag = tagOf(size);
    if (wanted('queue')) {
      // The queue mid-burst: a producer outrunning one worker, dots on the arrows.
      await post(`${server.url}/api/reset`, {});
      const queue = await open(browser, `${server.url}/`, '[data-demo="queue"][data-lane="bullmq"]', size);
      for (const name of ['sleep 200 ms', '50/s']) await press(queue.panel, name);
      await queue.page.mouse.move(size[0] - 5, 5);
      await pause(5_000);
      await shot(queue.page, `queue-live-${tag}`);
      if (args.readme && tag === '1280x720') await queue.page.screenshot({ path: 'images/readme-live-queue.png' });
      await post(`${server.url}/api/lanes/bullmq/producer`, { rate: 0 });
      await queue.page.close();
    }

    if (wanted('race')) {
      // The race: during, and once the winner is known.
      const race = await open(browser, `${server.url}/`, '[data-demo="race"][data-lanes="memory,bullmq,rabbitmq"]', size);
      await post(`${server.url}/api/race`, { lanes: ['memory', 'bullmq', 'rabbitmq'], count: 5_000 });
      await pause(2_500);
      await shot(race.page, `race-live-running-${tag}`);
      await race.page.waitForFunction(() => document.querySelector('.bespoke-marp-active .demo-race-status')?.textContent?.startsWith('Winner'), null, { timeout: 120_000 });
      await pause(1_500);
      await shot(race.page, `race-live-finished-${tag}`);
      if (args.readme && tag === '1280x720') await race.page.screenshot({ path: 'images/readme-race.png' });
      await race.page.close();
    }
  }

  for (const demo of liveDemos.filter((d) => wanted(d.panel) && !args['exported-only'])) {
    const selector = `[data-demo="${demo.panel}"]`;
    await post(`${server.url}/api/reset`, {});
    const driven = await open(browser, `${server.url}/`, selector, sizes[0]);
    await drive(demo, driven.panel, server.url);
    await pause(500);
    await shot(driven.page, `${demo.panel}-live-${tagOf(sizes[0])}`);
    await driven.page.close();
    for (const size of sizes.slice(1)) {
      const { page } = await open(browser, `${server.url}/`, selector, size);
      await pause(1_000);
      await shot(page, `${demo.panel}-live-${tagOf(size)}`);
      await page.close();
    }
    if (demo.panel === 'scheduling') await post(`${server.url}/api/demos/scheduling/pause`, {});
  }
  await post(`${server.url}/api/reset`, {});
} finally {
  await browser.close();
  await server.stop();
  await Promise.allSettled([deleteNamespace(config.namespace, config.redisUrl), purgeAmqpNamespace(config.namespace, config.amqpUrl)]);
}
