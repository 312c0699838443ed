import { loadConfig } from '../../demo-server/src/config.ts';
import { pythonCanImport } from '../../demo-server/src/lanes/python-workers.ts';

/** Fails at once, with the command that makes it, when the workers' Python has no Dramatiq. */
export async function requireDramatiq(): Promise<void> {
  const { python } = loadConfig(process.env);
  if (!(await pythonCanImport(python, 'dramatiq_actors'))) {
    throw new Error(`${python} cannot import Dramatiq: \`node scripts/python-env.mjs\` makes .venv with it and says what is missing (or set PYTHON)`);
  }
}
