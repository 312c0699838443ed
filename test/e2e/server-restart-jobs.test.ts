import { connect } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { amqpNames } from '../../demo-server/src/lanes/amqp-topology.ts';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { launchChromium } from '../support/browser.ts';
import { buildDeck } from '../support/deck-build.ts';
import { openSlide } from '../support/deck-page.ts';
import { postJson, uniqueNamespace } from '../support/demo-server.ts';
import { freePort } from '../support/private-brokers.ts';
import { processesWithEnv } from '../support/processes.ts';
import { ServerProcess } from '../support/server-process.ts';

async function queueDepth(namespace: string): Promise<number> {
  const connection = await connect('amqp://guest:guest@127.0.0.1:5672');
  try {
    const channel = await connection.createChannel();
    return (await channel.checkQueue(amqpNames(namespace).jobs)).messageCount;
  } finally {
    await connection.close();
  }
}

/** Every process whose environment names this namespace: the server and what it started, with its command line. */
const processesOf = (namespace: string) => processesWithEnv('DEMO_NAMESPACE', namespace).map((p) => `${p.pid} ${p.command}`);

describe('a demo server killed mid-burst and restarted', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    await Promise.all([requireRedis(), requireRabbitmq()]);
    await buildDeck();
    server = new ServerProcess(await freePort(), uniqueNamespace(), { RATE_LIMIT_PER_MINUTE: '100000' });
    await server.start();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    if (server) {
      await deleteNamespace(server.namespace);
      await purgeAmqpNamespace(server.namespace);
    }
  });

  it('keeps its workers processing the broker\'s jobs, and the deck shows a fresh snapshot within 2 s of its return', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openSlide(page, `${server.url}/`, 'Message Queue — live');
    const panel = page.locator('.bespoke-marp-active [data-demo="queue"]');
    const banner = panel.locator('.demo-banner');
    await expect.poll(() => panel.getByRole('button', { name: '+100' }).isEnabled(), { timeout: 15_000 }).toBe(true);

    const accepted = await postJson(`${server.url}/api/jobs`, { lane: 'rabbitmq', kind: 'sleep', count: 4_000, params: { ms: 5 } });
    expect(accepted.status).toBe(202);
    await server.kill();
    await expect.poll(() => banner.isVisible(), { timeout: 10_000 }).toBe(true);

    const depthAtKill = await queueDepth(server.namespace);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const depthLater = await queueDepth(server.namespace);
    expect(depthLater).toBeLessThan(depthAtKill);

    await server.start();
    const back = Date.now();
    await expect.poll(() => banner.isVisible(), { timeout: 10_000, interval: 50 }).toBe(false);
    const reconnectMs = Date.now() - back;
    expect(reconnectMs).toBeLessThan(2_000);
    console.info(`server restart: queue ${depthAtKill} -> ${depthLater} while down (2 s); deck live again ${reconnectMs} ms after the server answered`);
    await page.close();
  }, 90_000);

  it('leaves no Python worker behind when it is killed: its Celery and Dramatiq workers end with it', async () => {
    // By the program, not the path: a checkout's own folder may be called python.
    const python = () => processesOf(server.namespace).filter((process) => / -m (celery|dramatiq) /.test(process));
    await expect.poll(() => python().length, { timeout: 30_000 }).toBeGreaterThan(0);
    await server.kill();
    await expect.poll(python, { timeout: 20_000, interval: 500 }).toEqual([]);
  }, 60_000);
});
