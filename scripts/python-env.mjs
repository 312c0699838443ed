// The Python the Celery and Dramatiq workers run on: .venv, made on first `npm start` (and by `npm test`,
// .ci/run) from demo-server/workers/requirements.txt, reused after that, installed again when that file changes.
//   node scripts/python-env.mjs            make or check .venv, one line of what it has
//   node scripts/python-env.mjs --strict   the same, exit 1 when a framework is missing (CI)
//   node scripts/python-env.mjs --run ARGS run `python ARGS` in demo-server/workers (npm run worker:*)
// PYTHON, when set, is used as it is and .venv is left alone. Without the package index, pip installs what
// it can from a folder of wheels (DEMO_WHEELS, default ../shared/python when it exists), the rest comes
// from the system's packages (the venv sees them), and what is still missing is named with its command.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const workersDir = path.join(root, 'demo-server/workers');
export const defaultVenv = path.join(root, '.venv');
export const defaultRequirements = path.join(workersDir, 'requirements.txt');

/** What the workers import, the requirement that brings it, and Debian's package of it (Dramatiq has none). */
export const frameworks = [
  { module: 'celery', label: 'Celery', requirement: 'celery', debian: 'python3-celery' },
  { module: 'dramatiq', label: 'Dramatiq', requirement: 'dramatiq', debian: null },
  { module: 'redis', label: 'redis-py', requirement: 'redis', debian: 'python3-redis' },
  { module: 'pika', label: 'pika (Dramatiq on RabbitMQ)', requirement: 'pika', debian: 'python3-pika' },
  { module: 'apscheduler', label: 'APScheduler (Dramatiq\'s scheduler)', requirement: 'apscheduler', debian: 'python3-apscheduler' },
];

export const venvPython = (venv) => path.join(venv, 'bin', 'python');

/** A path as the reader typed it: relative below the current folder, absolute elsewhere. */
const shortPath = (p) => {
  const relative = path.relative(process.cwd(), p);
  return relative && !relative.startsWith('..') ? relative : p;
};

/** PEP 503: names compare lower-case, runs of -_. as one -. */
export const normalizeName = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** `celery[redis]==5.5.3` -> { name: 'celery', line, version: '5.5.3' }, for each requirement of the file. */
export function parseRequirements(text) {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:==\s*([^\s;,]+))?/.exec(line);
      if (!match) throw new Error(`requirements: cannot read "${line}"`);
      return { name: normalizeName(match[1]), line, version: match[2] ?? null };
    });
}

/** The distributions a folder of wheels and sdists offers, by normalized name. */
export function offeredBy(dir) {
  if (!dir || !existsSync(dir)) return new Set();
  const names = readdirSync(dir)
    .map((file) => /^(.+?)-\d[^-]*(?:-.*)?\.(?:whl|tar\.gz|zip)$/.exec(file)?.[1])
    .filter(Boolean);
  return new Set(names.map(normalizeName));
}

/** The folder of wheels pip may use where the index is out of reach: DEMO_WHEELS, or ../shared/python if it exists. */
export function wheelFolder(env = process.env) {
  if (env.DEMO_WHEELS) return path.resolve(env.DEMO_WHEELS);
  const beside = path.resolve(root, '../shared/python');
  return existsSync(beside) ? beside : null;
}

/**
 * The one command that adds a missing framework: Debian's package where the index is out of reach and the
 * venv sees Debian's Python; otherwise pip into the venv, from the wheel folder too when there is one.
 */
export function addCommand(framework, { requirements, venv, offline, debianPython, wheels }) {
  if (offline && debianPython && framework.debian) return `apt-get install ${framework.debian}`;
  const line = requirements.find((r) => r.name === framework.requirement)?.line ?? framework.requirement;
  return `${shortPath(path.join(venv, 'bin', 'pip'))} install${wheels ? ` --find-links ${wheels}` : ''} '${line}'`;
}

const PROBE = `
import importlib, importlib.metadata, json, sys
found = {}
for module, dist in json.loads(sys.argv[1]).items():
    try:
        importlib.import_module(module)
    except Exception:
        found[module] = None
        continue
    try:
        found[module] = importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        found[module] = "?"
print(json.dumps(found))
`;

/** Which frameworks `python` imports, with their versions (null: missing). */
export function probe(python) {
  const dists = Object.fromEntries(frameworks.map((f) => [f.module, f.requirement]));
  const result = spawnSync(python, ['-c', PROBE, JSON.stringify(dists)], { cwd: workersDir, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) return Object.fromEntries(frameworks.map((f) => [f.module, null]));
  return JSON.parse(result.stdout);
}

/** A Python 3.10+ with venv: Debian's first (it sees python3-celery and friends), then the PATH's. */
function basePython(candidates) {
  for (const candidate of candidates) {
    const check = spawnSync(candidate, ['-c', 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 10) else 1)'], { timeout: 15_000 });
    if (check.status === 0) return candidate;
  }
  return null;
}

/** A venv made from Debian's /usr/bin/python3 that sees its packages: apt-get adds what pip cannot. */
function seesDebianPackages(venv) {
  const cfg = existsSync(path.join(venv, 'pyvenv.cfg')) ? readFileSync(path.join(venv, 'pyvenv.cfg'), 'utf8') : '';
  return /^home = \/usr\/bin$/m.test(cfg) && /^include-system-site-packages = true$/m.test(cfg) && existsSync('/usr/bin/apt-get');
}

function stampOf(requirementsText, wheels, systemSite) {
  return createHash('sha256').update(JSON.stringify([requirementsText, wheels, systemSite])).digest('hex');
}

/**
 * Makes `venv` (or checks it) and says in one line what it has and how long that took.
 * Returns the Python to run the workers with, and the frameworks it lacks.
 */
export function ensurePythonEnv({
  env = process.env,
  venv = defaultVenv,
  requirementsFile = defaultRequirements,
  wheels = wheelFolder(env),
  basePythons = ['/usr/bin/python3', 'python3', 'python3.13', 'python3.12', 'python3.11', 'python3.10'],
  systemSitePackages = true,
  log = (line) => console.log(line),
} = {}) {
  if (env.PYTHON) return { python: env.PYTHON, state: 'override', missing: [] };
  const startedAt = Date.now();
  const seconds = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
  const shown = shortPath(venv);
  const requirementsText = readFileSync(requirementsFile, 'utf8');
  const requirements = parseRequirements(requirementsText);
  const python = venvPython(venv);
  const stampFile = path.join(venv, '.demo-requirements');
  const stamp = stampOf(requirementsText, wheels, systemSitePackages);
  const works = existsSync(python) && spawnSync(python, ['-c', ''], { timeout: 15_000 }).status === 0;
  const current = works && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  // Only a venv to make needs the Python it is made from.
  const base = current ? null : basePython(basePythons);
  if (!current && !base) {
    log(`Python workers: no Python 3.10+ with venv found (tried ${basePythons.join(', ')}): Celery and Dramatiq jobs wait for workers you start. Install Python 3.10+ (Debian: apt-get install python3-venv), or set PYTHON.`);
    return { python: null, state: 'unavailable', missing: frameworks.map((f) => f.module) };
  }
  let state = 'reused';
  let offline = false;
  const pipLog = path.join(venv, 'pip.log');
  if (!current) {
    state = works ? 'updated' : 'created';
    log(`Python workers: ${works ? 'requirements changed, installing them again into' : 'setting up'} ${shown} (${path.relative(root, requirementsFile)})…`);
    if (!works) {
      rmSync(venv, { recursive: true, force: true });
      const made = spawnSync(base, ['-m', 'venv', ...(systemSitePackages ? ['--system-site-packages'] : []), venv], { encoding: 'utf8' });
      if (made.status !== 0) {
        log(`Python workers: ${base} -m venv failed: ${(made.stderr || made.stdout).trim().split('\n').pop()} (Debian: apt-get install python3-venv). Set PYTHON to use another Python.`);
        return { python: null, state: 'unavailable', missing: frameworks.map((f) => f.module) };
      }
    }
    const out = openSync(pipLog, 'a');
    const pip = (args) =>
      spawnSync(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--retries', '1', '--timeout', '15', ...args], {
        stdio: ['ignore', out, out],
        env,
      }).status === 0;
    const findLinks = wheels ? ['--find-links', wheels] : [];
    if (!pip(['-r', requirementsFile, ...findLinks])) {
      // No index (or not every pin on it): what the wheel folder has, its dependencies from the system's packages.
      offline = true;
      const offered = offeredBy(wheels);
      const lines = requirements.filter((r) => offered.has(r.name)).map((r) => r.line);
      if (lines.length > 0 && !pip(['--no-index', ...findLinks, ...lines])) pip(['--no-index', '--no-deps', ...findLinks, ...lines]);
    }
    closeSync(out);
    writeFileSync(stampFile, stamp);
    writeFileSync(path.join(venv, '.demo-offline'), offline ? 'yes' : 'no');
  } else {
    offline = existsSync(path.join(venv, '.demo-offline')) && readFileSync(path.join(venv, '.demo-offline'), 'utf8') === 'yes';
  }
  const found = probe(python);
  const have = frameworks.filter((f) => found[f.module]).map((f) => {
    const pinned = requirements.find((r) => r.name === f.requirement)?.version;
    return `${f.label.split(' ')[0]} ${found[f.module]}${pinned && pinned !== found[f.module] ? ` (system's; pinned ${pinned})` : ''}`;
  });
  const missing = frameworks.filter((f) => !found[f.module]);
  const how = { created: 'made', updated: 'updated', reused: 'reused' }[state];
  const source = state === 'reused' ? '' : offline ? `, without the package index${wheels ? ` (wheels from ${wheels})` : ''}` : '';
  log(`Python workers: ${shown} ${how} in ${seconds()}${source}: ${have.join(', ') || 'no framework'}`);
  const context = { requirements, venv, offline, debianPython: seesDebianPackages(venv), wheels };
  for (const framework of missing) {
    log(`Python workers: ${framework.label} is missing; add it with \`${addCommand(framework, context)}\`${state === 'reused' ? '' : ` (pip's output: ${shortPath(pipLog)})`}`);
  }
  return { python, state, missing: missing.map((f) => f.module) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const run = args.indexOf('--run');
  const { python, missing } = ensurePythonEnv();
  if (run >= 0) {
    if (!python) process.exit(1);
    const child = spawn(python, args.slice(run + 1), { cwd: workersDir, stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  } else if (args.includes('--strict') && (!python || missing.length > 0)) {
    process.exit(1);
  }
}
