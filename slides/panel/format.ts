/** A fixed locale: the exported PDF must read the same whatever machine renders it. */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export const NO_VALUE = '–';

export function formatCount(n: number): string {
  return integer.format(n);
}

/** Jobs per second: a decimal only where it carries information. */
export function formatRate(perSecond: number): string {
  return perSecond < 10 ? oneDecimal.format(perSecond) : integer.format(perSecond);
}

/**
 * A latency with its unit. A 10,000-job sleep burst waits minutes in the queue, and
 * "251,312 ms" is harder to read from the back of the room than "251 s".
 */
export function formatLatency(ms: number | null): string {
  if (ms === null) return NO_VALUE;
  if (ms < 10) return `${oneDecimal.format(ms)} ms`;
  if (ms < 10_000) return `${integer.format(ms)} ms`;
  if (ms < 100_000) return `${oneDecimal.format(ms / 1000)} s`;
  return `${integer.format(ms / 1000)} s`;
}

/** `2025-11-25 12:03 UTC`: unambiguous in every audience's locale. */
export function formatRecordedAt(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
