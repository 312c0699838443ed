import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { renderChart } from './chart.ts';
import { evaluate, type Measurement, type ResultRow } from './goals.ts';
import { formatTable, formatVerdict } from './table.ts';

export interface BenchResults {
  machine: string;
  date: string;
  mode: 'full' | 'quick';
  rows: ResultRow[];
  /** Measurements that could not run here, and why. */
  skipped: string[];
}

/** This machine in one line: what the numbers were measured on. */
export function describeMachine(): string {
  const cpu = cpus();
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  return `${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${load} at start`;
}

export function buildResults(machine: string, mode: BenchResults['mode'], measurements: readonly Measurement[], skipped: string[]): BenchResults {
  return { machine, date: new Date().toISOString(), mode, rows: measurements.map(evaluate), skipped };
}

/** Prints the table and writes results.json and chart.svg into `dir`. */
export function writeReport(results: BenchResults, measurements: readonly Measurement[], dir: string): string {
  const printed = [
    `machine: ${results.machine}`,
    `mode: ${results.mode}, ${results.date}`,
    '',
    formatTable(results.rows),
    '',
    ...results.skipped.map((why) => `skipped: ${why}`),
    formatVerdict(results.rows),
  ].join('\n');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  const title = `npm run bench (${results.mode}), ${results.date.slice(0, 10)}: lane / raw, same run`;
  writeFileSync(path.join(dir, 'chart.svg'), renderChart(measurements, title));
  return printed;
}
