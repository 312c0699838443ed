import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ok, warn, type Check } from '../check.ts';

/** What a recorded run shows is made by the server and drawn by the panels: a change to either can make it untrue. */
export const recordedCode = ['demo-server/src', 'slides/panel'] as const;

export interface Recorded {
  readonly name: string;
  readonly recordedAt: Date;
}

export interface CodeChange {
  readonly at: Date;
  readonly commit: string;
}

/** Each recording's name and time; a file without a readable time counts as recorded never. */
export function readRecordings(dir: string): Recorded[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      let recordedAt = new Date(0);
      try {
        const at = (JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { recordedAt?: unknown }).recordedAt;
        if (typeof at === 'string' && !Number.isNaN(Date.parse(at))) recordedAt = new Date(at);
      } catch {
        // Not JSON: the build names it; here it is simply not recorded.
      }
      return { name: path.basename(file, '.json'), recordedAt };
    });
}

/** The newest commit that touched the recorded code, or null outside a git checkout. */
export function newestCodeChange(root: string): Promise<CodeChange | null> {
  return new Promise((resolve) => {
    execFile('git', ['log', '-1', '--format=%cI %h', '--', ...recordedCode], { cwd: root, timeout: 10_000 }, (error, stdout) => {
      const [at, commit] = stdout.trim().split(' ');
      resolve(error || !at || !commit ? null : { at: new Date(at), commit });
    });
  });
}

const day = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ');

/** The recordings older than the change, oldest first. */
export function staleRecordings(recordings: readonly Recorded[], change: CodeChange): Recorded[] {
  return recordings.filter((r) => r.recordedAt < change.at).sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
}

export const recordingsCheck: Check = {
  id: 'recordings',
  async run({ root }) {
    const recordings = readRecordings(path.join(root, 'slides/recordings'));
    const change = await newestCodeChange(root);
    if (change === null) {
      return warn('recordings', 'recordings: not a git checkout, so their age against the code is unknown', 'npm run record  (before exporting, to be sure)');
    }
    const stale = staleRecordings(recordings, change);
    if (stale.length === 0) return ok('recordings', `recordings: all ${recordings.length} newer than the last change to ${recordedCode.join(' or ')} (${change.commit}, ${day(change.at)} UTC)`);
    const names = stale.map((r) => r.name);
    return warn(
      'recordings',
      `recordings: ${stale.length} of ${recordings.length} older than the last change to ${recordedCode.join(' or ')} (${change.commit}, ${day(change.at)} UTC): ${names.join(', ')}; exports and a deck without the server show them`,
      stale.length === 1 ? `npm run record -- --only ${names[0]}` : 'npm run record',
    );
  },
};
