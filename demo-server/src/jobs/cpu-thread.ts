import { parentPort } from 'node:worker_threads';
import { burnCpu } from './run-job.ts';

/** One `cpu` job at a time, off the server's event loop: `{ id, n }` in, `{ id, result }` out. */
parentPort!.on('message', ({ id, n }: { id: number; n: number }) => {
  parentPort!.postMessage({ id, result: burnCpu(n) });
});
