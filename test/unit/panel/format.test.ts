import { describe, expect, it } from 'vitest';
import { formatCount, formatLatency, formatRate, formatRecordedAt, NO_VALUE } from '../../../slides/panel/format.ts';

describe('format', () => {
  it('groups thousands', () => {
    expect(formatCount(10_000)).toBe('10,000');
  });

  it('shows a decimal of a rate only below 10 jobs/s', () => {
    expect(formatRate(2.345)).toBe('2.3');
    expect(formatRate(1234.6)).toBe('1,235');
  });

  it('labels latency with its unit, switching to seconds for long waits', () => {
    expect(formatLatency(null)).toBe(NO_VALUE);
    expect(formatLatency(3.14)).toBe('3.1 ms');
    expect(formatLatency(212)).toBe('212 ms');
    expect(formatLatency(12_345)).toBe('12.3 s');
    expect(formatLatency(251_312)).toBe('251 s');
  });

  it('writes the recording time in UTC, the same for every audience', () => {
    expect(formatRecordedAt('2025-11-25T13:03:00+01:00')).toBe('2025-11-25 12:03 UTC');
  });
});
