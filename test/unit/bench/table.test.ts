import { describe, expect, it } from 'vitest';
import { renderChart } from '../../../scripts/bench/chart.ts';
import { evaluate, type Measurement } from '../../../scripts/bench/goals.ts';
import { formatTable, formatValue, formatVerdict } from '../../../scripts/bench/table.ts';

const measurements: Measurement[] = [
  { name: 'bullmq throughput', value: 9_000, unit: 'jobs/s', raw: 10_000, goal: { kind: 'ratio-at-least', ratio: 0.85 } },
  { name: 'bullmq latency p99', value: 9, unit: 'ms', raw: 4, goal: { kind: 'margin-at-most', margin: 2 } },
  { name: 'ws fan-out largest frame', value: 3.3, unit: 'KB', raw: 0.2, goal: { kind: 'at-most', limit: 256 } },
  { name: 'celery end to end', value: 200, unit: 'jobs/s', raw: null, goal: { kind: 'none' } },
];

describe('bench table', () => {
  it('formats each unit with the decimals it deserves', () => {
    expect(formatValue(12345.6, 'jobs/s')).toBe('12,346 jobs/s');
    expect(formatValue(1.234, 's')).toBe('1.23 s');
    expect(formatValue(3.45, 'ms')).toBe('3.5 ms');
    expect(formatValue(168.4, 'MB')).toBe('168 MB');
    expect(formatValue(null, 'ms')).toBe('-');
  });

  it('prints a header, a rule and one aligned line per row', () => {
    const lines = formatTable(measurements.map(evaluate)).split('\n');
    expect(lines).toHaveLength(2 + measurements.length);
    expect(lines[0]).toMatch(/^measure\s+lane\s+raw\s+ratio\s+goal\s+met$/);
    expect(lines[2]).toMatch(/^bullmq throughput\s+9,000 jobs\/s\s+10,000 jobs\/s\s+0\.90x\s+>= 0\.85x raw\s+yes$/);
    expect(lines[3]).toMatch(/9\.0 ms\s+4\.0 ms\s+2\.25x\s+<= raw \+ 2 ms\s+MISSED$/);
    expect(lines[5]).toMatch(/200 jobs\/s\s+-\s+-\s+-\s+-$/);
    // Right-aligned numbers end in the same column.
    const end = (line: string) => line.indexOf('jobs/s') + 'jobs/s'.length;
    expect(end(lines[2]!)).toBe(end(lines[5]!));
  });

  it('sums up the goals met and names the missed ones', () => {
    expect(formatVerdict(measurements.map(evaluate))).toBe('2 of 3 goals met; missed: bullmq latency p99');
    expect(formatVerdict([])).toBe('no goal could be judged');
  });
});

describe('bench chart', () => {
  it('draws one bar per judged row, red when missed, and escapes names', () => {
    const svg = renderChart([...measurements, { name: 'a <b> & c', value: 1, unit: 's', raw: 1, goal: { kind: 'ratio-at-most', ratio: 2 } }], 'title');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<rect x=/g)).toHaveLength(4);
    expect(svg).toContain('#c62828');
    expect(svg).toContain('a &#60;b&#62; &#38; c');
    expect(svg).not.toContain('celery end to end');
    // Well-formed XML: no bare < or & in any text (a goal says "<= 1.2x").
    expect(svg.replace(/<\/?[a-z][^>]*>/g, '')).not.toMatch(/[<>]|&(?!#\d+;)/);
  });
});
