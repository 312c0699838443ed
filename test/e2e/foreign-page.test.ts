import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** What a page on another site can do to the demo server with no help from its user. */
const attack = `
  async function attack(target) {
    const wsTarget = target.replace('http', 'ws');
    const attempts = [];
    // A form post, and fetches a page may send without asking the server (no preflight).
    attempts.push(fetch(target + '/api/reset', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' }).catch(() => {}));
    attempts.push(fetch(target + '/api/jobs', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ lane: 'memory', kind: 'cpu', count: 100000, params: { n: 50000000 } }) }).catch(() => {}));
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = target + '/api/reset';
    form.target = 'sink';
    form.enctype = 'text/plain';
    document.body.append(form);
    form.submit();
    // Handshakes with odd paths: one of them ended the server before.
    for (const path of ['//a:b', '/ws', '/%', '//ws']) {
      attempts.push(new Promise((resolve) => {
        const ws = new WebSocket(wsTarget + path);
        ws.onopen = () => resolve('open ' + path);
        ws.onerror = () => resolve('refused ' + path);
      }));
    }
    return Promise.all(attempts);
  }
`;

describe('a page on another site, open in the speaker\'s browser', () => {
  let server: TestServer;
  let foreign: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ workerConcurrency: 0 }, ['memory']);
    foreign = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><title>elsewhere</title><iframe name="sink"></iframe><script>${attack}</script>`);
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    browser = await launchChromium();
    expect((await postJson(`${server.url}/api/jobs`, { lane: 'memory', kind: 'noop', count: 4 })).status).toBe(202);
    await waitFor(async () => ((await getJson(`${server.url}/api/lanes/memory/stats`)).completed === 4 ? true : undefined));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => foreign?.close(resolve));
    await server?.stop();
  });

  it('can neither reset the demo, nor enqueue, nor open the socket, nor end the server', async () => {
    const before = await getJson(`${server.url}/api/lanes/memory/stats`);
    const page = await browser.newPage();
    // Another site in every sense: another host name, another port.
    await page.goto(`http://localhost:${(foreign.address() as AddressInfo).port}/`);
    const sockets: string[] = (await page.evaluate(`attack(${JSON.stringify(server.url)})`)) as string[];
    await page.waitForTimeout(500);
    expect(sockets.filter((s) => typeof s === 'string')).toEqual(['refused //a:b', 'refused /ws', 'refused /%', 'refused //ws']);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(await getJson(`${server.url}/api/lanes/memory/stats`)).toEqual(before);
    await page.close();
  });
});
