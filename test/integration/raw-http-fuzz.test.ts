import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { getJson, postJson, startTestServer, waitFor } from '../support/demo-server.ts';
import { rawExchange, type RawEnding } from '../support/raw-socket.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const LANES = ['memory', 'bullmq', 'rabbitmq'] as const;
const BATCHES = 12;
const PER_BATCH = 100;
/** Requests in flight at once: enough to overlap, few enough for a shared two-core machine. */
const PARALLEL = 20;

/**
 * What makes a state-changing request one the server must refuse whatever its body says: the fuzz
 * sends no request that may legitimately change a lane, so any change of a count is a defect.
 */
type Poison = 'foreign-host' | 'no-host' | 'cross-origin' | 'null-origin' | 'cross-site-fetch' | 'not-json' | 'broken-line';

interface RawRequest {
  method: string;
  target: string;
  version: string;
  headers: [string, string][];
  body: Buffer;
  /** How lines end: `\r\n` as HTTP says, or a bare `\n` some clients send. */
  eol: string;
  ending: RawEnding;
  poison: Poison | null;
}

const oddTargets = [
  '//a:b', '//ws', '/ws', '/ws?x=1', '/ws/', '/WS', '/%', '/%zz', '/%00', '/%ff%fe', '*', '',
  'http://evil.example/api/reset', '/../../etc/passwd', '/..%2f..%2fpackage.json', '/\\\\a', '/api/jobs?__proto__[x]=1',
  '/api/lanes/%ff/stats', '/api/lanes/__proto__/stats', '/api/demos/__proto__/constructor', '/api/demos/%E0%A4%A/x',
  '/metrics', '/', '/index.html', `/${'a'.repeat(20_000)}`, '/api/health?' + '&'.repeat(5_000),
];
const changingTargets = [
  '/api/jobs', '/api/reset', '/api/race', '/api/lanes/memory/producer', '/api/lanes/rabbitmq/workers',
  '/api/demos/batch/start', '/api/demos/scheduling/start', '/api/demos/reliability/run', '/api/demos/web-api/fire',
];

const junk = fc.string({ unit: 'binary', maxLength: 60 });

/** One way a request can be wrong; a generated request has none, one or two of them. */
const mutation = fc.oneof(
  fc.record({ method: fc.oneof(fc.constantFrom('CONNECT', 'TRACE', 'G ET', 'get', 'PRI', 'FOO', ''), junk) }),
  fc.record({ target: fc.oneof(fc.constantFrom(...oddTargets), junk.map((s) => `/${s}`)) }),
  fc.record({ version: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'HTTP/1.1 x', 'HTTP/1.12', '', 'http/1.1') }),
  fc.record({ header: fc.tuple(junk, junk) }),
  fc.record({ header: fc.tuple(fc.constantFrom('X-Test', 'Cookie', 'Accept'), fc.constantFrom('\x00', '\x7f', 'a\rb', ' ', 'é', '\u2028')) }),
  fc.record({ header: fc.constant<[string, string]>([' folded', 'line']) }),
  fc.record({
    header: fc.tuple(
      fc.constantFrom('Sec-WebSocket-Protocol', 'Sec-WebSocket-Extensions', 'Sec-WebSocket-Origin'),
      fc.oneof(fc.constantFrom('a,,b', 'permessage-deflate; client_max_window_bits=abc', ';;', '=', 'x; y="'), junk),
    ),
  }),
  fc.record({ header: fc.nat({ max: 40_000 }).map((n): [string, string] => ['X-Big', 'v'.repeat(n)]) }),
  fc.record({ eol: fc.constant('\n') }),
  fc.record({ length: fc.constantFrom('none', 'short', 'long', 'negative', 'twice', 'huge') }),
  fc.record({ chunked: fc.constantFrom('0\r\n\r\n', 'zz\r\n{}\r\n', '2\r\n{}\r\n0\r\n\r\n', 'ffffffffffffffff\r\n') }),
  fc.record({ body: fc.oneof(fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)), fc.nat({ max: 40_000 }).map((n) => Buffer.alloc(n, 0x7b))) }),
  fc.record({ upgradeHeaders: fc.tuple(fc.constantFrom('websocket', 'WebSocket', 'h2c', '', 'websocket, h2c'), fc.oneof(fc.constant('dGhlIHNhbXBsZSBub25jZQ=='), junk), fc.constantFrom('13', '8', '', 'x', '13, 8')) }),
);
type Mutation = {
  method?: string;
  target?: string;
  version?: string;
  header?: [string, string];
  eol?: string;
  length?: 'none' | 'short' | 'long' | 'negative' | 'twice' | 'huge';
  chunked?: string;
  body?: Buffer;
  upgradeHeaders?: [string, string, string];
};

const VALID_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';

function rawRequest(port: number): fc.Arbitrary<RawRequest> {
  const self = `127.0.0.1:${port}`;
  const base = fc.record({
    method: fc.constantFrom('GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
    target: fc.oneof(fc.constantFrom(...oddTargets), fc.constantFrom(...changingTargets), fc.webPath()),
    upgrade: fc.boolean(),
    origin: fc.constantFrom('self', 'self', 'none', 'evil'),
    body: fc.constantFrom('', '{}', '{"lane":"memory","kind":"nope"}', '[', 'null', '{"__proto__":{"lane":"memory"}}').map((s) => Buffer.from(s)),
    poison: fc.constantFrom<Poison>('foreign-host', 'no-host', 'cross-origin', 'null-origin', 'cross-site-fetch', 'not-json', 'broken-line'),
    ending: fc.constantFrom<RawEnding>('whole', 'whole', 'whole', 'whole', 'truncated', 'reset'),
    mutations: fc.array(mutation, { maxLength: 2 }),
  });
  return base.map(({ method, target, upgrade, origin, body, poison, ending, mutations }) => {
    const m: Mutation = Object.assign({}, ...mutations);
    const finalMethod = m.method ?? method;
    const changing = !['GET', 'HEAD', 'OPTIONS'].includes(finalMethod);
    // Every request that might change something carries a poison; a GET may carry a foreign Host.
    const applied: Poison | null = changing || poison === 'foreign-host' ? poison : null;
    const headers: [string, string][] = [];
    if (applied !== 'no-host') headers.push(['Host', applied === 'foreign-host' ? `evil.example:${port}` : self]);
    if (applied === 'cross-origin' || (!applied && origin === 'evil')) headers.push(['Origin', 'https://evil.example']);
    else if (applied === 'null-origin') headers.push(['Origin', 'null']);
    else if (applied === 'cross-site-fetch') headers.push(['Sec-Fetch-Site', 'cross-site']);
    else if (origin !== 'none') headers.push(['Origin', `http://${self}`]);
    headers.push(['Content-Type', applied === 'not-json' ? 'text/plain' : 'application/json']);
    const [up, key, version] = m.upgradeHeaders ?? (upgrade ? ['websocket', VALID_KEY, '13'] : [undefined, '', '']);
    if (up !== undefined) headers.push(['Upgrade', up], ['Connection', 'Upgrade'], ['Sec-WebSocket-Key', key], ['Sec-WebSocket-Version', version]);
    if (m.header) headers.push(m.header);
    const payload = m.chunked !== undefined ? Buffer.from(m.chunked) : (m.body ?? body);
    if (m.chunked !== undefined) headers.push(['Transfer-Encoding', 'chunked']);
    else if (m.length === undefined) headers.push(['Content-Length', String(payload.length)]);
    else if (m.length === 'short') headers.push(['Content-Length', String(Math.max(0, payload.length - 3))]);
    else if (m.length === 'long') headers.push(['Content-Length', String(payload.length + 10)]);
    else if (m.length === 'negative') headers.push(['Content-Length', '-1']);
    else if (m.length === 'huge') headers.push(['Content-Length', '99999999999999999999']);
    else if (m.length === 'twice') headers.push(['Content-Length', String(payload.length)], ['Content-Length', '1']);
    // Half the handshakes go where the socket is, so they meet the origin checks and ws itself.
    const finalTarget = m.target ?? (up !== undefined && origin !== 'self' ? '/ws' : target);
    return {
      method: finalMethod,
      target: applied === 'broken-line' ? `${finalTarget} ${finalTarget}` : finalTarget,
      version: m.version ?? 'HTTP/1.1',
      headers,
      body: payload,
      eol: m.eol ?? '\r\n',
      ending,
      poison: applied,
    };
  });
}

function serialize(request: RawRequest): Buffer {
  const head = [`${request.method} ${request.target} ${request.version}`, ...request.headers.map(([name, value]) => `${name}: ${value}`)];
  return Buffer.concat([Buffer.from(head.join(request.eol) + request.eol + request.eol, 'latin1'), request.body]);
}

describe('raw HTTP and WebSocket handshakes, generated', () => {
  let server: TestServer;
  let port: number;
  const statsBefore: Record<string, unknown> = {};
  const statuses = new Map<string, number>();
  let tried = 0;
  // A new sample every run; FUZZ_SEED=<seed> replays one.
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
  // A deck of one page, so odd paths reach the static files as they would on stage.
  const deckDir = mkdtempSync(join(tmpdir(), 'fuzz-deck-'));

  beforeAll(async () => {
    await Promise.all([requireRedis(), requireRabbitmq()]);
    writeFileSync(join(deckDir, 'index.html'), '<!doctype html><title>deck</title>');
    server = await startTestServer({ workerConcurrency: 0, rateLimitPerMinute: 1_000_000, deckDir }, LANES);
    port = Number(new URL(server.url).port);
    // Counts that a stray reset or enqueue would change: completed memory jobs, waiting broker jobs.
    for (const lane of LANES) expect((await postJson(`${server.url}/api/jobs`, { lane, kind: 'noop', count: 5 })).status).toBe(202);
    await waitFor(async () => ((await getJson(`${server.url}/api/lanes/memory/stats`)).completed === 5 ? true : undefined));
    await waitFor(async () => ((await getJson(`${server.url}/api/lanes/rabbitmq/stats`)).waiting === 5 ? true : undefined));
    for (const lane of LANES) statsBefore[lane] = await getJson(`${server.url}/api/lanes/${lane}/stats`);
  });
  afterAll(async () => {
    console.info(`raw requests tried: ${tried} (FUZZ_SEED=${seed}); answers: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    await server?.stop();
    if (server) {
      await deleteNamespace(server.config.namespace);
      await purgeAmqpNamespace(server.config.namespace);
    }
    rmSync(deckDir, { recursive: true, force: true });
  });

  it(`survives ${BATCHES * PER_BATCH} of them, answers no 5xx, accepts no state change, and no lane's counts move`, async () => {
    const requests = fc.sample(rawRequest(port), { numRuns: BATCHES * PER_BATCH, seed });
    for (let batch = 0; batch < BATCHES; batch++) {
      const slice = requests.slice(batch * PER_BATCH, (batch + 1) * PER_BATCH);
      for (let i = 0; i < slice.length; i += PARALLEL) {
        await Promise.all(
          slice.slice(i, i + PARALLEL).map(async (request) => {
            const { status, answer } = await rawExchange(port, serialize(request), request.ending, 1_000);
            tried++;
            const key = status === null ? 'closed' : String(status);
            statuses.set(key, (statuses.get(key) ?? 0) + 1);
            const what = `FUZZ_SEED=${seed}: ${JSON.stringify(serialize(request).toString('latin1').slice(0, 200))} -> ${answer}`;
            expect(status === null || status < 500, what).toBe(true);
            if (request.poison) expect(status === null || status >= 400, what).toBe(true);
          }),
        );
      }
      const health = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      expect(health.status, `health after batch ${batch}`).toBe(200);
      for (const lane of LANES) expect(await getJson(`${server.url}/api/lanes/${lane}/stats`), `${lane} after batch ${batch}`).toEqual(statsBefore[lane]);
    }
    expect(tried).toBe(BATCHES * PER_BATCH);
  }, 300_000);
});
