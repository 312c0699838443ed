import type { Recording } from '../../slides/panel/recording.ts';

/**
 * The lanes and frameworks a recorded demo shows as not running, each with the reason it gave: a recording
 * with one of them would tell every reader of the PDF "Dramatiq: absent" where the talk compares it.
 */
export function absentInRecording(recording: Recording): string[] {
  const demos = recording.demos ?? {};
  const absent: string[] = [];
  for (const lane of [...(demos.reliability?.lanes ?? []), ...(demos.retries?.lanes ?? [])]) {
    if (lane.status === 'absent' || lane.status === 'down') absent.push(`${lane.lane}: ${lane.status}${lane.hint ? ` (${lane.hint})` : ''}`);
  }
  for (const column of [...(demos.chaining?.columns ?? []), ...(demos.results?.columns ?? [])]) {
    if (column.status === 'unavailable') absent.push(`${column.framework}: ${column.note ?? 'unavailable'}`);
  }
  for (const scheduler of demos.scheduling?.schedulers ?? []) {
    if (scheduler.status === 'unavailable' || scheduler.count === 0) absent.push(`${scheduler.name}: ${scheduler.note ?? 'no tick ran'}`);
  }
  return absent;
}
