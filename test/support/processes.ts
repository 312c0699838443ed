import { readdirSync, readFileSync } from 'node:fs';

export interface RunningProcess {
  pid: number;
  /** Its command line, shortened, for a failure message. */
  command: string;
}

/**
 * Every process whose environment, as it was started, holds `name=value` (Linux /proc). A variable
 * set by a test's ancestor is inherited down the whole tree: servers, workers, brokers, browsers.
 */
export function processesWithEnv(name: string, value: string): RunningProcess[] {
  const wanted = `${name}=${value}`;
  const found: RunningProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(wanted)) continue;
      // A zombie has ended; only its parent has not read its exit status yet.
      if (/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${entry}/stat`, 'latin1'))) continue;
      found.push({ pid: Number(entry), command: readFileSync(`/proc/${entry}/cmdline`, 'latin1').replaceAll('\0', ' ').trim().slice(0, 160) });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}
