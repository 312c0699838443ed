import { execFile } from 'node:child_process';
import path from 'node:path';
import { pinnedRequirement } from '../../../demo-server/src/lanes/python-workers.ts';
import { fail, ok, type Check, type CheckResult } from '../check.ts';

/**
 * What the server imports before it starts each Python process (from the same folder, with the same
 * PYTHON), one line per thing to install, and what the deck loses without it.
 */
export const pythonNeeds = [
  {
    id: 'celery',
    name: 'Celery',
    modules: ['celery_tasks', 'celery_schedule'],
    version: 'celery',
    uses: "the Celery lane's worker, celery beat, the results worker",
    fix: (python: string) => `${python} -m pip install '${pinnedRequirement('celery')}'  (Debian: apt-get install python3-celery python3-redis)`,
  },
  {
    id: 'dramatiq',
    name: 'Dramatiq',
    modules: ['dramatiq_actors'],
    version: 'dramatiq',
    uses: "the Dramatiq lane's worker and every Dramatiq column",
    fix: (python: string) => `${python} -m pip install '${pinnedRequirement('dramatiq')}'  (or unset PYTHON: npm start makes .venv with it)`,
  },
  {
    id: 'apscheduler',
    name: 'APScheduler',
    // dramatiq_schedule needs Dramatiq too: the Dramatiq line says so, this one only what APScheduler itself lacks.
    modules: ['apscheduler'],
    version: 'apscheduler',
    uses: "the Scheduling slide's Dramatiq row (with Dramatiq)",
    fix: (python: string) => `${python} -m pip install '${pinnedRequirement('apscheduler')}'  (Debian: apt-get install python3-apscheduler)`,
  },
] as const;

/** Importing Celery takes a second or two; on a machine busy with other work, many more. */
const PROBE_TIMEOUT_MS = 30_000;

/** Imports `modules` with `python` in `cwd`: the version of `versionOf` when all import, else the error's last line. */
function probe(python: string, cwd: string, modules: readonly string[], versionOf: string): Promise<{ version: string } | { error: string }> {
  const code = `import ${modules.join(', ')}\nimport ${versionOf}\nprint(getattr(${versionOf}, '__version__', '?'))`;
  return new Promise((resolve) => {
    execFile(python, ['-c', code], { cwd, timeout: PROBE_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (!error) return resolve({ version: stdout.trim() });
      if (error.killed) return resolve({ error: `no answer within ${PROBE_TIMEOUT_MS / 1000} s: is the machine very busy?` });
      const lastLine = stderr.trim().split('\n').at(-1) || error.message;
      resolve({ error: lastLine });
    });
  });
}

export const pythonWorkersCheck: Check = {
  id: 'python-workers',
  async run({ config, root }) {
    const cwd = path.join(root, 'demo-server/workers');
    return Promise.all(
      pythonNeeds.map(async (need): Promise<CheckResult> => {
        if (config.workerConcurrency === 0) {
          return fail(need.id, `${need.name}: WORKER_CONCURRENCY=0, the server starts no worker`, 'unset WORKER_CONCURRENCY (default 8)');
        }
        const answer = await probe(config.python, cwd, need.modules, need.version);
        if ('version' in answer) return ok(need.id, `${need.name} ${answer.version} importable by ${config.python}, for ${need.uses}`);
        return fail(need.id, `${need.name}: ${config.python} cannot import ${need.modules.join(', ')} (${answer.error}), needed by ${need.uses}`, need.fix(config.python));
      }),
    );
  },
};

/** The Node lanes' workers are the server's own code: they can always start, unless told to start none. */
export const nodeWorkersCheck: Check = {
  id: 'node-workers',
  async run({ config }) {
    if (config.workerConcurrency === 0) {
      return fail('node-workers', 'Node workers: WORKER_CONCURRENCY=0, the server starts none for the BullMQ and RabbitMQ lanes', 'unset WORKER_CONCURRENCY (default 8)');
    }
    return ok('node-workers', `Node workers: the server starts the BullMQ lane's and the RabbitMQ lane's (${config.workerConcurrency} jobs at once each); the in-memory lane runs inside the server`);
  },
};
