import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { getJson, startTestServer } from '../support/demo-server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Sends exactly these bytes and headers, the way a hostile client would, without fetch's tidying. */
function rawPost(url: string, path: string, body: Buffer, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', headers: { ...headers, 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

function expectJsonClientError(answer: RawAnswer): void {
  expect(answer.status, answer.body).toBeGreaterThanOrEqual(400);
  expect(answer.status, answer.body).toBeLessThan(500);
  expect(answer.contentType).toContain('application/json');
  const parsed = JSON.parse(answer.body);
  expect(typeof parsed.error.code).toBe('string');
  expect(typeof parsed.error.message).toBe('string');
}

const pollutionKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty');
const anything = fc.jsonValue({ maxDepth: 4 });

/** A request body that is always wrong in at least one way, so nothing valid slips in. */
const invalidBody = fc.oneof(
  fc.record({ lane: fc.string(), kind: anything, count: anything }),
  fc.record({ lane: fc.constant('memory'), kind: fc.constant('noop'), count: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 100_001 }), fc.double({ noInteger: true }), fc.string()) }),
  fc.record({ lane: fc.constant('memory'), kind: fc.constant('sleep'), params: fc.record({ ms: fc.oneof(fc.integer({ min: 30_001 }), fc.integer({ max: -1 }), fc.string(), fc.constant(null)) }) }),
  fc.record({ lane: fc.constant('memory'), kind: fc.constant('flaky'), params: fc.record({ failRate: fc.oneof(fc.double({ min: 1.0001, noNaN: true }), fc.double({ max: -0.0001, noNaN: true }), fc.string()) }) }),
  fc.dictionary(pollutionKeys, anything, { minKeys: 1 }).map((extra) => ({ lane: 'memory', kind: 'noop', ...extra })),
  fc.array(anything),
  fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean()),
  fc.integer({ min: 200, max: 5_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
);

const invalidBytes = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
  fc.string().map((s) => Buffer.concat([Buffer.from('{"lane":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(s), Buffer.from('"}')])),
  fc.integer({ min: 16 * 1024 + 1, max: 200_000 }).map((n) => Buffer.from(`{"lane":"${'x'.repeat(n)}"}`)),
);

describe('hostile input', () => {
  let server: TestServer;
  let tried = 0;
  const statsBefore: Record<string, unknown> = {};

  beforeAll(async () => {
    server = await startTestServer({ workerConcurrency: 0, rateLimitPerMinute: 1_000_000 }, ['memory']);
    statsBefore.memory = await getJson(`${server.url}/api/lanes/memory/stats`);
  });
  afterAll(async () => {
    console.info(`hostile inputs tried: ${tried}`);
    await server?.stop();
  });

  it('answers every malformed JSON body with a 4xx JSON error', async () => {
    await fc.assert(
      fc.asyncProperty(invalidBody, async (body) => {
        tried++;
        const text = typeof body === 'string' && body.startsWith('[') ? body : JSON.stringify(body);
        expectJsonClientError(await rawPost(server.url, '/api/jobs', Buffer.from(text), { 'content-type': 'application/json' }));
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  it('answers raw bytes, invalid UTF-8 and oversized bodies with a 4xx JSON error', async () => {
    await fc.assert(
      fc.asyncProperty(invalidBytes, async (bytes) => {
        tried++;
        expectJsonClientError(await rawPost(server.url, '/api/jobs', bytes, { 'content-type': 'application/json' }));
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('answers odd headers and query strings with a 4xx JSON error', async () => {
    const contentType = fc.oneof(
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/json; charset=latin1', ''),
      fc.string({ maxLength: 100 }).filter((s) => /^[\x21-\x7e ]*$/.test(s)),
    );
    await fc.assert(
      fc.asyncProperty(contentType, fc.string({ maxLength: 200 }), async (type, query) => {
        tried++;
        const answer = await rawPost(server.url, `/api/jobs?${encodeURIComponent(query)}`, Buffer.from('{"lane":"memory","kind":"nope"}'), {
          ...(type ? { 'content-type': type } : {}),
        });
        expectJsonClientError(answer);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      // '.' and '..' are path segments a client resolves before sending, not lane names.
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s !== '.' && s !== '..'), async (lane) => {
        tried++;
        const res = await fetch(`${server.url}/api/lanes/${encodeURIComponent(lane)}/stats`);
        if (lane === 'memory') return;
        expect(res.status).toBe(404);
        expect((await res.json()).error.code).toBe('unknown_lane');
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('answers malformed WebSocket frames with an error message, and oversized ones with a close and a reason', async () => {
    const ws = new WebSocket(server.url.replace('http', 'ws') + '/ws');
    const replies: string[] = [];
    ws.on('message', (data) => replies.push(data.toString()));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const frames = fc.sample(
      fc.oneof(
        anything.map((value) => JSON.stringify(value)),
        fc.string({ maxLength: 1_000 }),
        fc.dictionary(pollutionKeys, anything).map((value) => JSON.stringify({ type: 'ping', ...value })),
        fc.uint8Array({ maxLength: 500 }).map((bytes) => Buffer.from(bytes)),
      ),
      300,
    );
    for (const frame of frames) ws.send(frame);
    tried += frames.length;
    const deadline = Date.now() + 15_000;
    // One reply per frame: a pong for the rare valid ping, an error for everything else.
    while (replies.filter((r) => !r.includes('"snapshot"') && !r.includes('"delta"')).length < frames.length) {
      if (Date.now() > deadline) throw new Error('not every frame was answered');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(ws.readyState).toBe(WebSocket.OPEN);

    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    ws.send('x'.repeat(8 * 1024));
    tried++;
    const { code, reason } = await closed;
    expect(code).toBe(1009);
    expect(reason).not.toBe('');
  }, 60_000);

  it('is still up, unpolluted, and no lane changed', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(await getJson(`${server.url}/api/lanes/memory/stats`)).toEqual(statsBefore.memory);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('lane');
    expect(tried).toBeGreaterThanOrEqual(1_000);
  });
});
