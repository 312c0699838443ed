import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../demo-server/src/config.ts';
import { exposureWarning } from '../../demo-server/src/exposure.ts';
import { postJson, startTestServer } from '../support/demo-server.ts';

describe('safe defaults', () => {
  it('binds to loopback unless told otherwise, and warns when told otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(exposureWarning('127.0.0.1')).toBeNull();
    expect(exposureWarning('::1')).toBeNull();
    expect(exposureWarning('0.0.0.0')).toMatch(/anyone who can reach/);
  });

  it('refuses a configuration it cannot use, saying what to fix', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DEMO_NAMESPACE: '../etc' })).toThrow(/DEMO_NAMESPACE/);
  });
});

describe('the served deck and API', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ workerConcurrency: 0, rateLimitPerMinute: 5 }, ['memory']);
  });
  afterAll(async () => server?.stop());

  it('sends a strict Content-Security-Policy: nothing from elsewhere, no framing by other sites', async () => {
    const res = await fetch(`${server.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('rate-limits the API with 429, Retry-After and a JSON error', async () => {
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await postJson(`${server.url}/api/jobs`, { lane: 'memory', kind: 'noop' }));
    const limited = answers.at(-1)!;
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe('rate_limited');
  });
});
