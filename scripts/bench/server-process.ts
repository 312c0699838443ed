import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopChild } from './children.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const serverMain = path.join(repoRoot, 'demo-server/src/main.ts');
const tsxLoader = import.meta.resolve('tsx');

export interface ServerOptions {
  namespace: string;
  workerConcurrency: number;
  /**
   * Whether the server may start its Celery and Dramatiq workers (Celery's a prefork pool of
   * `workerConcurrency` Python processes, seconds to start on two cores). Phases that never use
   * those lanes skip them by giving the server a Python that cannot import either framework.
   */
  pythonWorkers: boolean;
  redisUrl: string;
  amqpUrl: string;
  /** Folder for a V8 CPU profile of the server (node --cpu-prof), written when it stops. */
  cpuProfDir?: string;
  logFile: string;
}

export interface ServerProcess {
  url: string;
  wsUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The demo server as users run it (`node --import tsx demo-server/src/main.ts`), in its own
 * process, so its CPU and memory are its own and the bench's clients never share its event loop.
 */
export async function startServerProcess(options: ServerOptions): Promise<ServerProcess> {
  const port = await freePort();
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const profiling = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profiling, '--import', tsxLoader, serverMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      REDIS_URL: options.redisUrl,
      AMQP_URL: options.amqpUrl,
      DEMO_NAMESPACE: options.namespace,
      WORKER_CONCURRENCY: String(options.workerConcurrency),
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'warn',
      ...(options.pythonWorkers ? {} : { PYTHON: '/bin/false' }),
    },
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(new Error(`the demo server exited (${signal ?? code}) while starting; see ${options.logFile}`)),
    ),
  );
  exited.catch(() => {});
  try {
    await Promise.race([waitForHealth(url), exited]);
  } catch (error) {
    // A server that never answered is stopped here: the caller has no handle on it to stop.
    await stopChild(child, 10_000);
    throw error;
  }
  return { url, wsUrl: `ws://127.0.0.1:${port}/ws`, pid: child.pid!, stop: () => stopChild(child, 10_000) };
}

async function waitForHealth(url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the demo server did not answer ${url}/api/health within ${timeoutMs} ms`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
