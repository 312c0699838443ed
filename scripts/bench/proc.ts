import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU time (user + system) a process has used so far, in seconds, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces and parentheses: fields are counted after its closing ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / clockTicks();
}

/** Resident set size of a process, in bytes, from /proc (Linux). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** CPU seconds of each named process since `start()`; a process that is gone counts as 0. */
export function cpuMeter(processes: Record<string, number | undefined>) {
  const read = (pid: number | undefined) => {
    try {
      return pid === undefined ? 0 : cpuSeconds(pid);
    } catch {
      return 0;
    }
  };
  const before = Object.fromEntries(Object.entries(processes).map(([role, pid]) => [role, read(pid)]));
  return {
    stop(): Record<string, number> {
      return Object.fromEntries(Object.entries(processes).map(([role, pid]) => [role, read(pid) - before[role]!]));
    },
  };
}

/** The pid of the oldest process whose command line matches `pattern` (pgrep), if any: for the brokers. */
export function findPid(pattern: string): number | undefined {
  try {
    const pid = Number(execFileSync('pgrep', ['-o', '-f', pattern], { encoding: 'utf8' }).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
