import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pythonCanImport } from '../../demo-server/src/lanes/python-workers.ts';
import { ensurePythonEnv, type PythonEnv } from '../../scripts/python-env.mjs';

const run = promisify(execFile);

/** A real wheel of a one-module distribution, `demo_probe` 1.0, as pip wheel would write it. */
const MAKE_WHEEL = `
import base64, hashlib, sys, zipfile
files = {
    "demo_probe/__init__.py": b"VERSION = '1.0'\\n",
    "demo_probe-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\\nName: demo-probe\\nVersion: 1.0\\n",
    "demo_probe-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
}
def digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
record = "".join(f"{name},{digest(data)},{len(data)}\\n" for name, data in files.items()) + "demo_probe-1.0.dist-info/RECORD,,\\n"
with zipfile.ZipFile(sys.argv[1], "w") as wheel:
    for name, data in files.items():
        wheel.writestr(name, data)
    wheel.writestr("demo_probe-1.0.dist-info/RECORD", record)
`;

// The first start of a machine without the package index, made certain here by PIP_NO_INDEX: pip installs
// what the wheel folder holds, and each framework still missing is named with the command that adds it.
describe('the workers\' .venv where the package index is out of reach', () => {
  let dir: string;
  let venv: string;
  let wheels: string;
  let requirementsFile: string;
  const lines: string[] = [];
  const ensure = (): PythonEnv =>
    ensurePythonEnv({
      env: { ...process.env, PYTHON: '', PIP_NO_INDEX: '1' },
      venv,
      requirementsFile,
      wheels,
      systemSitePackages: false,
      log: (line) => lines.push(line),
    });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'python-env-'));
    venv = path.join(dir, 'venv');
    wheels = path.join(dir, 'wheels');
    requirementsFile = path.join(dir, 'requirements.txt');
    await run('mkdir', [wheels]);
    await run('/usr/bin/python3', ['-c', MAKE_WHEEL, path.join(wheels, 'demo_probe-1.0-py3-none-any.whl')]);
    await writeFile(requirementsFile, 'demo-probe==1.0\ndramatiq[rabbitmq,redis]==2.2.0\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('makes it, installs what the wheel folder has, and names each missing framework with its command', async () => {
    const made = ensure();
    expect(made).toMatchObject({ python: path.join(venv, 'bin', 'python'), state: 'created' });
    expect(made.missing).toEqual(['celery', 'dramatiq', 'redis', 'pika', 'apscheduler']);
    expect(await pythonCanImport(made.python!, 'demo_probe')).toBe(true);
    expect(lines[0]).toMatch(/^Python workers: setting up .*venv/);
    expect(lines[1]).toMatch(/venv made in \d+\.\d s, without the package index \(wheels from .*wheels\): no framework$/);
    expect(lines).toContainEqual(
      `Python workers: Dramatiq is missing; add it with \`${path.join(venv, 'bin', 'pip')} install --find-links ${wheels} 'dramatiq[rabbitmq,redis]==2.2.0'\` (pip's output: ${path.join(venv, 'pip.log')})`,
    );
  }, 180_000);

  it('reuses it on the next start, and installs again when the requirements change', async () => {
    lines.length = 0;
    expect(ensure().state).toBe('reused');
    expect(lines[0]).toMatch(/venv reused in \d+\.\d s: no framework$/);
    await writeFile(requirementsFile, 'demo-probe==1.0\n');
    expect(ensure().state).toBe('updated');
    expect(ensure().state).toBe('reused');
  }, 120_000);

  it('leaves it alone when PYTHON is set', () => {
    expect(ensurePythonEnv({ env: { PYTHON: '/opt/elsewhere/python' }, venv: path.join(dir, 'never'), log: () => {} })).toEqual({
      python: '/opt/elsewhere/python',
      state: 'override',
      missing: [],
    });
  });
});
