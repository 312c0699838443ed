import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreflightReport } from '../../scripts/preflight/run.ts';
import { deleteNamespace, purgeAmqpNamespace } from '../support/brokers.ts';
import { buildDeck } from '../support/deck-build.ts';
import { freePort } from '../support/private-brokers.ts';
import { pythonWithDramatiq } from '../support/python-with-dramatiq.ts';

const run = promisify(execFile);
const scratch = mkdtempSync(path.join(tmpdir(), 'preflight-'));

/** `npm run preflight` as a speaker runs it, in `env`: its output and exit code. */
async function preflight(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string }> {
  const child = run('npm', ['run', '--silent', 'preflight', '--', ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
  try {
    return { code: 0, stdout: (await child).stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '' };
  }
}

const line = (stdout: string, start: string) => stdout.split('\n').find((l) => l.trimStart().startsWith(start)) ?? `(no line starting “${start}” in:\n${stdout})`;

describe('npm run preflight', () => {
  let readyEnv: Record<string, string>;

  beforeAll(async () => {
    const python = await pythonWithDramatiq(path.join(scratch, 'venv'));
    readyEnv = { PYTHON: python, PORT: String(await freePort()), HOST: '127.0.0.1', CHROME_PATH: '' };
  }, 150_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('says ready and exits 0 on a machine with both brokers, the frameworks, the fonts and Chromium', async () => {
    const { code, stdout } = await preflight(readyEnv, '--json');
    const report = JSON.parse(stdout) as PreflightReport;
    const status = Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
    expect(status).toMatchObject({
      redis: 'ok',
      rabbitmq: 'ok',
      'rabbitmq-celery': 'ok',
      'node-workers': 'ok',
      celery: 'ok',
      dramatiq: 'ok',
      apscheduler: 'ok',
      fonts: 'ok',
      chromium: 'ok',
      port: 'ok',
      bind: 'ok',
    });
    // The recordings' age depends on the last commit: ok or a warning, never a failure.
    expect(['ok', 'warn']).toContain(status.recordings);
    expect(report.ready, stdout).toBe(true);
    expect(code).toBe(0);
  }, 60_000);

  it('prints one line a check and the verdict', async () => {
    const { code, stdout } = await preflight(readyEnv);
    expect(code, stdout).toBe(0);
    expect(line(stdout, '✓ Redis')).toMatch(/^ {2}✓ Redis \d+\.\d+\.\d+ at 127\.0\.0\.1:6379/);
    expect(line(stdout, '✓ Dramatiq')).toContain(`importable by ${readyEnv.PYTHON}`);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^Ready: every demo of the deck can run/);
  }, 60_000);

  describe('with Redis not answering, a PYTHON without the frameworks, the port taken and an open bind address', () => {
    let taken: Server;
    let port: number;
    let bare: string;

    beforeAll(async () => {
      port = await freePort();
      // Another program on the port: it hangs up on whoever calls.
      taken = createServer((socket) => socket.destroy()).listen(port, '0.0.0.0');
      bare = path.join(scratch, 'bare');
      await run('/usr/bin/python3', ['-m', 'venv', '--without-pip', bare]);
    }, 60_000);
    afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

    it('exits 1 and gives each failure the command that fixes it', async () => {
      const nobody = await freePort();
      const { code, stdout } = await preflight({
        ...readyEnv,
        REDIS_URL: `redis://127.0.0.1:${nobody}`,
        PYTHON: path.join(bare, 'bin', 'python'),
        PORT: String(port),
        HOST: '0.0.0.0',
      });
      expect(code, stdout).toBe(1);
      expect(line(stdout, '✗ Redis')).toContain(`Redis does not answer at 127.0.0.1:${nobody}`);
      expect(line(stdout, '✗ Redis')).toContain('→  redis-server --daemonize yes');
      expect(line(stdout, '✗ Celery')).toContain("No module named 'celery'");
      expect(line(stdout, '✗ Celery')).toContain(`→  ${path.join(bare, 'bin', 'python')} -m pip install 'celery[redis]==`);
      expect(line(stdout, '✗ Dramatiq')).toContain("No module named 'dramatiq'");
      expect(line(stdout, '✗ Dramatiq')).toContain(`→  ${path.join(bare, 'bin', 'python')} -m pip install 'dramatiq[rabbitmq,redis]==2.2.0'`);
      expect(line(stdout, '✗ port')).toContain(`port ${port} on 0.0.0.0 is taken by another program  →  PORT=${port + 1} npm start`);
      expect(line(stdout, '! HOST=0.0.0.0')).toContain('→  HOST=127.0.0.1 npm start');
      // What does work is still said to.
      expect(line(stdout, '✓ RabbitMQ')).toContain('at 127.0.0.1:5672');
      expect(stdout.trim().split('\n').at(-1), stdout).toMatch(/^Not ready: 5 to fix/);
    }, 60_000);
  });

  it('is the first thing npm start prints, before the server says where the talk is live', async () => {
    await buildDeck();
    const namespace = `preflight-${process.pid}`;
    const start = spawn('npm', ['start', '--silent'], {
      env: { ...process.env, ...readyEnv, PORT: String(await freePort()), WORKER_CONCURRENCY: '0', DEMO_NAMESPACE: namespace },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    start.stdout.on('data', (chunk) => (output += chunk));
    start.stderr.on('data', (chunk) => (output += chunk));
    try {
      await expect.poll(() => output, { timeout: 60_000, interval: 250 }).toContain('The talk is live at');
      expect(output.startsWith('Preflight\n'), output).toBe(true);
      expect(output.indexOf('The talk is live at')).toBeGreaterThan(output.indexOf('Not ready: '));
      // The server starts all the same: WORKER_CONCURRENCY=0 is a failure of the checklist, not of the start.
      expect(line(output, '✗ Node workers')).toContain('→  unset WORKER_CONCURRENCY');
    } finally {
      const exited = new Promise((resolve) => start.once('exit', resolve));
      process.kill(-start.pid!, 'SIGINT');
      await exited;
      await deleteNamespace(namespace);
      await purgeAmqpNamespace(namespace);
    }
  }, 180_000);
});
