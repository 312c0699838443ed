import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecordings, staleRecordings } from '../../../scripts/preflight/checks/recordings.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'recordings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the recordings' age", () => {
  it('lists the recordings older than the last change to the code, oldest first; an unreadable one counts as never recorded', () => {
    writeFileSync(path.join(dir, 'race.json'), JSON.stringify({ recordedAt: '2026-11-25T16:13:40Z' }));
    writeFileSync(path.join(dir, 'queue.json'), JSON.stringify({ recordedAt: '2026-11-25T14:25:41Z' }));
    writeFileSync(path.join(dir, 'batch.json'), JSON.stringify({ recordedAt: '2026-11-26T09:00:00Z' }));
    writeFileSync(path.join(dir, 'broken.json'), '{');
    const change = { at: new Date('2026-11-25T17:21:04Z'), commit: 'b933af8' };
    expect(staleRecordings(readRecordings(dir), change).map((r) => r.name)).toEqual(['broken', 'queue', 'race']);
  });
});
