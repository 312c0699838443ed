import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Measurement } from './goals.ts';
import { repoRoot } from './server-process.ts';
import { median } from './stats.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

export interface DeckPlan {
  rounds: number;
  pdf: boolean;
  /** The speaker's original deck, built bare as the reference. */
  originalDeck: string;
  /** Where the bench's own outputs go. */
  scratch: string;
}

/**
 * Our build (`npm run build`: panel bundle + deck with our engine) and PDF export
 * (`npm run export:pdf`) against a bare `marp` of the original deck, turn about, wall time.
 */
export async function measureDeck(plan: DeckPlan, log: (line: string) => void): Promise<Measurement[]> {
  if (!existsSync(plan.originalDeck)) {
    log(`  skipped: no original deck at ${plan.originalDeck}`);
    return [];
  }
  const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  const bare = (format: 'html' | 'pdf') => [
    'marp',
    '--no-config',
    '--allow-local-files',
    ...(format === 'pdf' ? ['--pdf'] : []),
    plan.originalDeck,
    '-o',
    path.join(plan.scratch, `bare.${format}`),
  ];
  const steps = [
    { name: 'deck build (html)', ours: [npm, 'run', 'build'], bare: [npx, ...bare('html')] },
    ...(plan.pdf
      ? [{ name: 'deck PDF export', ours: [npm, 'run', 'export:pdf', '--', path.join(plan.scratch, 'deck.pdf')], bare: [npx, ...bare('pdf')] }]
      : []),
  ];
  const rows: Measurement[] = [];
  for (const step of steps) {
    const ours: number[] = [];
    const reference: number[] = [];
    for (let round = 1; round <= plan.rounds; round++) {
      ours.push(await timed(step.ours, chromium));
      reference.push(await timed(step.bare, chromium));
      log(`  ${step.name} round ${round}/${plan.rounds}: ours ${ours.at(-1)!.toFixed(2)} s, bare marp ${reference.at(-1)!.toFixed(2)} s`);
    }
    rows.push({ name: step.name, value: median(ours), unit: 's', raw: median(reference), goal: { kind: 'ratio-at-most', ratio: 2 } });
  }
  return rows;
}

/** Runs a command from the repo root and resolves with its wall time in seconds; fails on a non-zero exit. */
function timed([command, ...args]: string[], chromium: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    let output = '';
    const child = spawn(command!, args, { cwd: repoRoot, env: { ...process.env, CHROME_PATH: chromium }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve((performance.now() - startedAt) / 1000);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output.slice(-2000)}`));
    });
  });
}
