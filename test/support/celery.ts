import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '../../demo-server/src/config.ts';
import { pythonWorkersDir } from '../../demo-server/src/lanes/python-workers.ts';

/** The Python the server runs workers with, by default Debian's, which has python3-celery. */
const PYTHON = loadConfig({}).python;

/** Fails at once, with the command that installs it, when Debian's Celery is missing. */
export async function requireCelery(): Promise<void> {
  try {
    await promisify(execFile)(PYTHON, ['-c', 'import celery, redis']);
  } catch {
    throw new Error(`${PYTHON} cannot import celery and redis. Install them: apt-get install python3-celery python3-redis`);
  }
}

/** A Celery worker as someone would start one by hand: no `-E`, so events are off until the lane switches them on. */
export function startCeleryWorkerByHand(namespace: string, concurrency: number, node: string): ChildProcess {
  return spawn(
    PYTHON,
    ['-m', 'celery', '--quiet', '-A', 'celery_tasks', 'worker', '--pool', 'prefork', '-c', String(concurrency), '-n', node, '-l', 'ERROR', '--without-mingle', '--without-gossip'],
    { cwd: pythonWorkersDir, env: { ...process.env, DEMO_NAMESPACE: namespace }, stdio: 'ignore' },
  );
}

/** What Celery's own client wrote to a Redis broker, from test/fixtures/celery/publish_to_redis.py. */
export interface CeleryRedisCapture {
  /** The task queue's list, oldest first: kombu envelopes as JSON text. */
  tasks: string[];
  /** Members of `_kombu.binding.<queue>`. */
  bindings: string[];
  /** `app.control.enable_events()` as published on the pidbox channel. */
  control: { channel: string; data: string };
  /** The app's oid, which Celery's client sends as `reply_to`. */
  replyTo: string;
}

/** Runs `apply_async` of three demo tasks and `enable_events` with Debian's Celery, on Redis, in `namespace`. */
export async function publishWithCeleryToRedis(namespace: string, redisUrl = 'redis://127.0.0.1:6379'): Promise<CeleryRedisCapture> {
  const script = fileURLToPath(new URL('../fixtures/celery/publish_to_redis.py', import.meta.url));
  const { stdout } = await promisify(execFile)(PYTHON, [script], {
    env: { ...process.env, DEMO_NAMESPACE: namespace, DEMO_CELERY_BROKER: 'redis', REDIS_URL: redisUrl },
    timeout: 30_000,
  });
  return JSON.parse(stdout) as CeleryRedisCapture;
}
