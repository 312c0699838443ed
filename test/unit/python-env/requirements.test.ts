import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addCommand, defaultRequirements, frameworks, offeredBy, parseRequirements } from '../../../scripts/python-env.mjs';

const framework = (module: string) => frameworks.find((f) => f.module === module)!;

describe('the workers\' requirements', () => {
  const requirements = parseRequirements(readFileSync(defaultRequirements, 'utf8'));

  it('pin every framework the workers import to one version', () => {
    for (const { requirement } of frameworks) {
      const pinned = requirements.find((r) => r.name === requirement);
      expect(pinned?.version, requirement).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(requirements.find((r) => r.name === 'dramatiq')!.line).toBe('dramatiq[rabbitmq,redis]==2.2.0');
  });

  it('reads names as pip compares them, extras and comments aside', () => {
    expect(parseRequirements('# x\nAPScheduler==3.11.0  # scheduler\nzope.interface[test] == 7.0\n\nredis')).toEqual([
      { name: 'apscheduler', line: 'APScheduler==3.11.0', version: '3.11.0' },
      { name: 'zope-interface', line: 'zope.interface[test] == 7.0', version: '7.0' },
      { name: 'redis', line: 'redis', version: null },
    ]);
  });
});

describe('a folder of wheels', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wheels-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('offers the distributions its wheels and sdists are of, by normalized name', () => {
    for (const file of ['dramatiq-2.2.0-py3-none-any.whl', 'Click_Repl-0.3.0-py3-none-any.whl', 'pika-1.3.2.tar.gz', 'README.md']) {
      writeFileSync(path.join(dir, file), '');
    }
    expect([...offeredBy(dir)].sort()).toEqual(['click-repl', 'dramatiq', 'pika']);
    expect(offeredBy(null).size).toBe(0);
    expect(offeredBy(path.join(dir, 'none')).size).toBe(0);
  });
});

describe('the command that adds a missing framework', () => {
  const requirements = parseRequirements('celery[redis]==5.5.3\ndramatiq[rabbitmq,redis]==2.2.0\n');
  const venv = path.join(process.cwd(), '.venv');

  it('is pip into the venv with the pinned line, from the wheel folder too when there is one', () => {
    expect(addCommand(framework('dramatiq'), { requirements, venv, offline: false, debianPython: true, wheels: null })).toBe(
      ".venv/bin/pip install 'dramatiq[rabbitmq,redis]==2.2.0'",
    );
    expect(addCommand(framework('dramatiq'), { requirements, venv, offline: true, debianPython: true, wheels: '/w' })).toBe(
      ".venv/bin/pip install --find-links /w 'dramatiq[rabbitmq,redis]==2.2.0'",
    );
  });

  it("is Debian's package where the index is out of reach and the venv sees Debian's Python", () => {
    expect(addCommand(framework('celery'), { requirements, venv, offline: true, debianPython: true, wheels: null })).toBe(
      'apt-get install python3-celery',
    );
    expect(addCommand(framework('celery'), { requirements, venv, offline: true, debianPython: false, wheels: null })).toBe(
      ".venv/bin/pip install 'celery[redis]==5.5.3'",
    );
  });
});
