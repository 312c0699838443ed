// node --import tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top] [skip s]: where a V8 CPU profile spent its time.
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Hotspot {
  name: string;
  selfMs: number;
  share: number;
}

/**
 * Self time per function and per package (or file), heaviest first, over the samples taken
 * `skipMs` after the profile started (to leave out start-up: module loading, compiling).
 */
export function summarise(
  profile: CpuProfile,
  skipMs = 0,
): { total: number; idle: number; functions: Hotspot[]; packages: Hotspot[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= skipMs * 1000) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    total += us;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    const where = place(url);
    const key = `${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
    packages.set(where, (packages.get(where) ?? 0) + us);
  }
  const busy = total - idle;
  const rank = (map: Map<string, number>) =>
    [...map]
      .map(([name, us]) => ({ name, selfMs: us / 1000, share: busy > 0 ? us / busy : 0 }))
      .sort((a, b) => b.selfMs - a.selfMs);
  return { total: total / 1000, idle: idle / 1000, functions: rank(functions), packages: rank(packages) };
}

/** node_modules/<pkg> for a dependency, the repo-relative file for ours, (native) for V8 and node internals. */
function place(url: string): string {
  if (!url) return '(native)';
  const file = url.replace(/^file:\/\//, '');
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (inModules) return inModules[1]!;
  if (file.startsWith('node:')) return file;
  return path.relative(process.cwd(), file);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top = '25', skip = '0'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: profile-summary.ts <file.cpuprofile> [top] [seconds of start-up to skip]');
    process.exit(2);
  }
  const summary = summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(skip) * 1000);
  const n = Number(top);
  const show = (rows: Hotspot[]) =>
    rows.slice(0, n).map((row) => `  ${row.selfMs.toFixed(0).padStart(7)} ms ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.name}`).join('\n');
  console.log(`${file}: ${(summary.total / 1000).toFixed(1)} s profiled, ${((summary.total - summary.idle) / 1000).toFixed(2)} s busy`);
  console.log(`by package or file (self time, share of busy):\n${show(summary.packages)}`);
  console.log(`by function:\n${show(summary.functions)}`);
}
