import { hostname } from 'node:os';

export interface WorkerIdentity {
  id: string;
  host: string;
  pid: number;
}

export function workerIdentity(lane: string): WorkerIdentity {
  const host = hostname();
  return { id: `${lane}@${host}:${process.pid}`, host, pid: process.pid };
}
