import { execFile, spawn, type ChildProcess } from 'node:child_process';
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
