import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkerCommand } from './worker-process.ts';

/** demo-server/workers: the Celery app and the Dramatiq actors, each importable from there. */
export const pythonWorkersDir = fileURLToPath(new URL('../../workers/', import.meta.url));

/** What `npm start` installs into .venv, pinned: the same file docker compose's workers install. */
export const requirementsFile = fileURLToPath(new URL('../../workers/requirements.txt', import.meta.url));

/** The pinned line of a distribution in requirements.txt, e.g. `dramatiq[rabbitmq,redis]==2.2.0`. */
export function pinnedRequirement(name: 'celery' | 'dramatiq' | 'apscheduler'): string {
  const line = readFileSync(requirementsFile, 'utf8')
    .split('\n')
    .map((text) => text.replace(/#.*/, '').trim())
    .find((text) => text.toLowerCase().startsWith(name) && /^[\w-]+(\[|==)/.test(text));
  if (!line) throw new Error(`${requirementsFile} pins no ${name}`);
  return line;
}

const frameworkLabels = { celery: 'Celery', dramatiq: 'Dramatiq', apscheduler: 'APScheduler' } as const;

/** What to do when PYTHON cannot import a framework: the pinned install, or the .venv that `npm start` makes. */
export function frameworkMissingHint(name: 'celery' | 'dramatiq' | 'apscheduler'): string {
  return `${frameworkLabels[name]} is not installed for this Python (PYTHON): \`pip install '${pinnedRequirement(name)}'\` into it, or leave PYTHON unset and \`npm start\` makes .venv with it`;
}

/** Whether `python` can import `module` from the workers' folder, so the server only starts workers that can run. */
export function pythonCanImport(python: string, module: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(python, ['-c', `import ${module}`], { cwd: pythonWorkersDir, timeout: 15_000 }, (error) => resolve(!error));
  });
}

/**
 * Arguments that run `args` under demo-server/workers/follow_parent.py: the process ends with the
 * server that started it (on Linux), instead of consuming on alone after a crash of the server.
 */
export function followingTheServer(args: readonly string[]): string[] {
  return ['follow_parent.py', ...args];
}

/**
 * A real Celery worker for the app in celery_tasks.py, as `npm run worker:celery` starts one:
 * the prefork pool (the threads pool stalls in Celery 5.2) with task events on, and a node name
 * of its own, so it never clashes with a worker started by hand on the same machine.
 */
export function celeryWorkerCommand(
  python: string,
  concurrency: number,
  env: NodeJS.ProcessEnv,
  /** Another module of the same app (e.g. `celery_acks_late`), and the node name's first part. */
  { app = 'celery_tasks', node = `demo-server-${process.pid}` }: { app?: string; node?: string } = {},
): WorkerCommand {
  return {
    program: python,
    args: followingTheServer([
      '-m', 'celery', '--quiet', '-A', app, 'worker',
      '--pool', 'prefork', '--concurrency', String(concurrency), '--task-events',
      '--hostname', `${node}@%h`,
      // Failed tasks are the demo's flaky jobs, shown on the slides: the terminal stays readable.
      '--loglevel', 'CRITICAL',
      // Neither is needed to consume, and each costs a second or more at start.
      '--without-mingle', '--without-gossip',
    ]),
    cwd: pythonWorkersDir,
    env,
  };
}

/** A real Dramatiq worker for the actors in dramatiq_actors.py: one process of `concurrency` threads. */
export function dramatiqWorkerCommand(python: string, concurrency: number, env: NodeJS.ProcessEnv): WorkerCommand {
  return {
    program: python,
    args: followingTheServer(['-m', 'dramatiq', 'dramatiq_actors', '--processes', '1', '--threads', String(concurrency)]),
    cwd: pythonWorkersDir,
    env,
  };
}
