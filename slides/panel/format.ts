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

/** A run's duration, ms in, seconds out: two decimals for a sprint, fewer as it gets longer. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(2)} s`;
  if (s < 100) return `${s.toFixed(1)} s`;
  return `${integer.format(s)} s`;
}

/** How an export says its numbers are not live: `recorded 2025-11-25 12:03 UTC`. */
export function recordedOn(iso: string): string {
  return `recorded ${formatRecordedAt(iso)}`;
}

/** An axis value in few characters: `950`, `1.5k`, `12k`. */
export function formatCompact(n: number): string {
  if (n < 1_000) return integer.format(n);
  if (n < 10_000) return `${oneDecimal.format(n / 1_000)}k`;
  return `${integer.format(n / 1_000)}k`;
}

/** `1st`, `2nd`, `3rd`, `4th`: a race has at most five lanes. */
export function formatPlace(place: number): string {
  return `${place}${['th', 'st', 'nd', 'rd'][place] ?? 'th'}`;
}
