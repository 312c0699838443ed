import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pythonCanImport } from '../../demo-server/src/lanes/python-workers.ts';

const run = promisify(execFile);

export interface BarePython {
  /** A Python with the standard library only: no Celery, Dramatiq, APScheduler, redis-py or pika. */
  python: string;
  remove(): Promise<void>;
}

/**
 * A virtual environment that sees no site-packages, made without pip (a fraction of a second): what a
 * machine without the frameworks runs, whatever this machine has installed. Checked, so a test of the
 * "framework absent" behaviour cannot pass with a framework present.
 */
export async function makeBarePython(base = process.platform === 'linux' ? '/usr/bin/python3' : 'python3'): Promise<BarePython> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bare-python-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await run(base, ['-m', 'venv', '--without-pip', dir], { timeout: 60_000 });
    const python = path.join(dir, 'bin', 'python');
    for (const module of ['celery', 'dramatiq', 'apscheduler']) {
      if (await pythonCanImport(python, module)) throw new Error(`${python} imports ${module}: not a bare Python`);
    }
    return { python, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
