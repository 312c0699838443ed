import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { loadConfig, type DemoConfig } from '../../demo-server/src/config.ts';
import type { ServerLane } from '../../demo-server/src/lanes/index.ts';
import { startDemoServer, type DemoServer } from '../../demo-server/src/server.ts';

/** A namespace no other test or talk uses, so queues never mix. */
export function uniqueNamespace(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}

export async function startTestServer(
  overrides: Partial<DemoConfig> = {},
  lanes?: readonly ServerLane[],
): Promise<DemoServer & { config: DemoConfig }> {
  const config: DemoConfig = {
    ...loadConfig({}),
    port: 0,
    namespace: uniqueNamespace(),
    logLevel: 'silent',
    ...overrides,
  };
  const server = await startDemoServer(config, pino({ level: config.logLevel }), lanes);
  return { ...server, config };
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

export async function getJson(url: string): Promise<any> {
  const res = await fetch(url);
  return res.json();
}

/** Polls until `check` returns a value other than undefined, or fails with what it last saw. */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 20_000, intervalMs = 50, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
