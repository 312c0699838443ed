import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '../../demo-server/src/config.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where these machines keep the Dramatiq wheel that the package index would otherwise give (its README says how to use it). */
const wheels = path.resolve(root, '../shared/python');

async function imports(python: string, module: string): Promise<boolean> {
  return run(python, ['-c', `import ${module}`]).then(() => true, () => false);
}

/**
 * A Python that imports Dramatiq and, through the system's packages, Celery: the server's PYTHON when it
 * has Dramatiq already, else a virtual environment made in `dir` from the wheel folder, offline.
 */
export async function pythonWithDramatiq(dir: string): Promise<string> {
  const configured = loadConfig(process.env).python;
  if (await imports(configured, 'dramatiq')) return configured;
  if (!existsSync(wheels)) {
    throw new Error(`${configured} cannot import dramatiq and there is no ${wheels} to install it from: pip install 'dramatiq[rabbitmq,redis]' for PYTHON`);
  }
  const venvPython = path.join(dir, 'bin', 'python');
  await run(configured, ['-m', 'venv', '--system-site-packages', '--without-pip', dir]);
  await run(configured, ['-m', 'pip', '--python', venvPython, 'install', '--quiet', '--no-index', '--find-links', wheels, 'dramatiq==2.2.0'], { timeout: 120_000 });
  return venvPython;
}
