import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

interface Answer {
  status: number;
  body: any;
}

/** A request with exactly these headers (Host included, which fetch will not let a caller set). */
function send(server: TestServer, method: string, path: string, headers: Record<string, string>, body = '{}'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.url);
    const req = request(url, { method, headers: { 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, body: res.headers['content-type']?.includes('json') ? JSON.parse(text) : text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens the socket with these headers; resolves with 'open' or the refusal's status. */
function handshake(server: TestServer, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(server.url.replace('http', 'ws') + '/ws', { headers });
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(String(res.statusCode));
      ws.terminate();
    });
    ws.once('error', () => resolve('error'));
  });
}

describe('requests from other sites and other host names', () => {
  let server: TestServer;
  let self: string;
  const memoryStats = () => getJson(`${server.url}/api/lanes/memory/stats`);

  beforeAll(async () => {
    server = await startTestServer({ workerConcurrency: 0, rateLimitPerMinute: 30 }, ['memory']);
    self = new URL(server.url).host;
    expect((await postJson(`${server.url}/api/jobs`, { lane: 'memory', kind: 'noop', count: 3 })).status).toBe(202);
    await waitFor(async () => ((await memoryStats()).completed === 3 ? true : undefined));
  });
  afterAll(async () => server?.stop());

  it('refuses a reset posted as text/plain by another site with 403 JSON, and empties nothing', async () => {
    const before = await memoryStats();
    const answer = await send(server, 'POST', '/api/reset', { 'content-type': 'text/plain', origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('cross_origin');
    expect(answer.body.error.message).toMatch(/evil\.example/);
    expect(await memoryStats()).toEqual(before);
  });

  it('refuses what a browser marks cross-site or sends from an opaque origin, JSON or not', async () => {
    const json = { 'content-type': 'application/json' };
    const jobs = JSON.stringify({ lane: 'memory', kind: 'noop' });
    for (const headers of [
      { ...json, origin: 'https://evil.example' },
      { ...json, origin: 'null' },
      { ...json, 'sec-fetch-site': 'cross-site' },
      { ...json, 'sec-fetch-site': 'same-site' },
      { ...json, origin: `http://${self}`, 'sec-fetch-site': 'cross-site' },
    ]) {
      const answer = await send(server, 'POST', '/api/jobs', headers, jobs);
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body.error.code).toBe('cross_origin');
    }
  });

  it('does not let a foreign page use up the deck\'s rate limit: its requests are refused before they are counted', async () => {
    for (let i = 0; i < 60; i++) {
      const answer = await send(server, 'POST', '/api/reset', { 'content-type': 'text/plain', origin: 'https://evil.example' });
      expect(answer.status).toBe(403);
    }
    const deck = await send(server, 'POST', '/api/jobs', { 'content-type': 'application/json', origin: `http://${self}` }, JSON.stringify({ lane: 'memory', kind: 'noop' }));
    expect(deck.status).toBe(202);
  });

  it('lets the deck itself act: same Origin, or Sec-Fetch-Site: same-origin, with a JSON body', async () => {
    const jobs = JSON.stringify({ lane: 'memory', kind: 'noop' });
    const byOrigin = await send(server, 'POST', '/api/jobs', { 'content-type': 'application/json', origin: `http://${self}` }, jobs);
    expect(byOrigin.status).toBe(202);
    const bySite = await send(server, 'POST', '/api/jobs', { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, jobs);
    expect(bySite.status).toBe(202);
    const port = new URL(server.url).port;
    const byName = await send(server, 'POST', '/api/jobs', { host: `localhost:${port}`, 'content-type': 'application/json', origin: `http://localhost:${port}` }, jobs);
    expect(byName.status).toBe(202);
  });

  it('lets a program on this machine that sends no Origin act, as curl does, but only with a JSON body', async () => {
    const before = await memoryStats();
    const plain = await send(server, 'POST', '/api/reset', { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect(plain.body.error.message).toMatch(/curl -X POST -H 'content-type: application\/json'/);
    expect(await memoryStats()).toEqual(before);
    const json = await send(server, 'POST', '/api/reset', { 'content-type': 'application/json' });
    expect(json.status).toBe(200);
  });

  it('answers 421 to a request for another host name (DNS rebinding), even with a matching Origin', async () => {
    const port = new URL(server.url).port;
    const rebound = { host: `evil.example:${port}`, origin: `http://evil.example:${port}`, 'content-type': 'application/json' };
    const jobs = await send(server, 'POST', '/api/jobs', rebound, JSON.stringify({ lane: 'memory', kind: 'noop' }));
    expect(jobs.status).toBe(421);
    expect(jobs.body.error.code).toBe('misdirected');
    expect((await send(server, 'GET', '/api/health', { host: `evil.example:${port}` }, '')).status).toBe(421);
    expect((await send(server, 'GET', '/', { host: `evil.example:${port}` }, '')).status).toBe(421);
    expect((await send(server, 'GET', '/api/health', { host: `127.0.0.1:${Number(port) + 1}` }, '')).status).toBe(421);
    expect(await handshake(server, { host: `evil.example:${port}`, origin: `http://evil.example:${port}` })).toBe('421');
  });

  it('opens the WebSocket for the deck and for local programs, not for other sites', async () => {
    expect(await handshake(server, {})).toBe('open');
    expect(await handshake(server, { origin: `http://${self}` })).toBe('open');
    expect(await handshake(server, { origin: 'https://evil.example' })).toBe('403');
    expect(await handshake(server, { origin: 'null' })).toBe('403');
  });
});
