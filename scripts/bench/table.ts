import type { ResultRow } from './goals.ts';

const HEADERS = ['measure', 'lane', 'raw', 'ratio', 'goal', 'met'] as const;

/** A figure in its unit, with as many decimals as the unit deserves: 12,345 jobs/s, 3.4 ms, 1.25 s. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '-';
  const decimals = unit === 'jobs/s' ? 0 : unit === 's' ? 2 : Math.abs(value) >= 100 ? 0 : 1;
  const text = value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return `${text} ${unit}`;
}

export function formatRatio(ratio: number | null): string {
  return ratio === null ? '-' : `${ratio.toFixed(2)}x`;
}

export function formatMet(met: boolean | null): string {
  return met === null ? '-' : met ? 'yes' : 'MISSED';
}

/** The rows as a plain-text table, columns padded to their widest cell, numbers right-aligned. */
export function formatTable(rows: readonly ResultRow[]): string {
  const cells = rows.map((row) => [
    row.name,
    formatValue(row.value, row.unit),
    formatValue(row.raw, row.unit),
    formatRatio(row.ratio),
    row.goal ?? '-',
    formatMet(row.met),
  ]);
  const widths = HEADERS.map((header, i) => Math.max(header.length, ...cells.map((row) => row[i]!.length)));
  const rightAligned = new Set([1, 2, 3]);
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(HEADERS), rule, ...cells.map(line)].join('\n');
}

/** One line under the table: how many goals were met, and which were not. */
export function formatVerdict(rows: readonly ResultRow[]): string {
  const judged = rows.filter((row) => row.met !== null);
  const missed = judged.filter((row) => row.met === false);
  if (judged.length === 0) return 'no goal could be judged';
  if (missed.length === 0) return `all ${judged.length} goals met`;
  return `${judged.length - missed.length} of ${judged.length} goals met; missed: ${missed.map((row) => row.name).join('; ')}`;
}
