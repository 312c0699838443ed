// Screenshots of every panel slide, live and as exported, at the sizes the talk meets:
// 1280x720, 1920x1080 (projectors) and 1024x768 (a 4:3 projector). To look at, not to test.
//   npm run build && node --import tsx scripts/panel-screenshots.ts [--out dist/screenshots] [--readme]
// --readme also writes images/readme-live-queue.png and images/readme-race.png.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../demo-server/src/config.ts';
import { createLogger } from '../demo-server/src/logger.ts';
import { startDemoServer } from '../demo-server/src/server.ts';
import { deleteNamespace, purgeAmqpNamespace } from '../test/support/brokers.ts';

const { values: args } = parseArgs({
  options: { out: { type: 'string', default: 'dist/screenshots' }, readme: { type: 'boolean', default: false } },
});
const sizes = [
  [1280, 720],
  [1920, 1080],
  [1024, 768],
] as const;
const slides = [
  { panel: 'queue', title: 'Message Queue — live' },
  { panel: 'race', title: 'Message Broker' },
  { panel: 'race-rabbitmq', title: 'RabbitMQ' },
  { panel: 'race-redis', title: 'Redis' },
] as const;
if (!existsSync('dist/index.html')) throw new Error('Build the deck first: npm run build');
mkdirSync(args.out, { recursive: true });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function open(browser: Browser, deckUrl: string, title: string, [width, height]: readonly [number, number]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(deckUrl);
  const headings = await page.locator('section').evaluateAll((s) => s.map((x) => x.querySelector('h1')?.textContent ?? ''));
  await page.goto(`${deckUrl}#${headings.findIndex((h) => h.includes(title)) + 1}`);
  await pause(1_500);
  // Marp's page controls fade out once the pointer rests.
  await page.mouse.move(width - 5, 5);
  return page;
}

const shot = async (page: Page, name: string) => {
  const file = path.join(args.out, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`[shots] ${file}`);
};

const config = { ...loadConfig(process.env), port: 0, namespace: `shots-${randomUUID().slice(0, 8)}`, logLevel: 'warn' as const };
const server = await startDemoServer(config, createLogger('warn'), ['memory', 'bullmq', 'rabbitmq']);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await pause(2_000);
  const exported = pathToFileURL(path.resolve('dist/index.html')).href;
  for (const size of sizes) {
    const tag = `${size[0]}x${size[1]}`;
    for (const { panel, title } of slides) {
      const page = await open(browser, exported, title, size);
      await shot(page, `${panel}-static-${tag}`);
      await page.close();
    }

    // The queue mid-burst: a producer outrunning one worker, dots on the arrows.
    await post(`${server.url}/api/reset`, {});
    const queue = await open(browser, `${server.url}/`, 'Message Queue — live', size);
    const controls = queue.locator('.bespoke-marp-active [data-demo="queue"]');
    for (const name of ['sleep 200 ms', '50/s']) await controls.getByRole('button', { name, exact: true }).click();
    await queue.mouse.move(size[0] - 5, 5);
    await pause(5_000);
    await shot(queue, `queue-live-${tag}`);
    if (args.readme && tag === '1280x720') await queue.screenshot({ path: 'images/readme-live-queue.png' });
    await post(`${server.url}/api/lanes/bullmq/producer`, { rate: 0 });
    await queue.close();

    // The race: during, and once the winner is known.
    const race = await open(browser, `${server.url}/`, 'Message Broker', size);
    await post(`${server.url}/api/race`, { lanes: ['memory', 'bullmq', 'rabbitmq'], count: 5_000 });
    await pause(2_500);
    await shot(race, `race-live-running-${tag}`);
    await race.waitForFunction(() => document.querySelector('.bespoke-marp-active .demo-race-status')?.textContent?.startsWith('Winner'), null, { timeout: 120_000 });
    await pause(1_500);
    await shot(race, `race-live-finished-${tag}`);
    if (args.readme && tag === '1280x720') await race.screenshot({ path: 'images/readme-race.png' });
    await race.close();
  }
} finally {
  await browser.close();
  await server.stop();
  await Promise.allSettled([deleteNamespace(config.namespace, config.redisUrl), purgeAmqpNamespace(config.namespace, config.amqpUrl)]);
}
