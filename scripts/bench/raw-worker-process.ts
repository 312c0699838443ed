import { performance } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import { nextMessage, spawnScript, stopChild } from './children.ts';

export type RawLib = 'bullmq' | 'amqp';

/** Messages between the bench and a raw worker process. */
export type ToRawWorker = { type: 'waitFor'; id: number; total: number };
export type FromRawWorker = { type: 'ready' } | { type: 'reached'; id: number };

export interface RawWorkerProcess {
  pid: number;
  /** Resolves with performance.now() here when the worker has completed `total` jobs since it started. */
  waitForTotal(total: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The raw library's worker in its own process, as the lane's worker is in its own: the
 * two sides pay for the same process boundary and neither shares the producer's event loop.
 */
export async function startRawWorker(
  lib: RawLib,
  options: { url: string; namespace: string; concurrency: number },
): Promise<RawWorkerProcess> {
  const child: ChildProcess = spawnScript('./raw-worker.ts', [
    '--lib',
    lib,
    '--url',
    options.url,
    '--namespace',
    options.namespace,
    '--concurrency',
    String(options.concurrency),
  ]);
  await nextMessage(child, (m: FromRawWorker) => (m.type === 'ready' ? true : undefined), 60_000);
  let nextId = 1;
  return {
    pid: child.pid!,
    async waitForTotal(total) {
      const id = nextId++;
      const reached = nextMessage(child, (m: FromRawWorker) => (m.type === 'reached' && m.id === id ? true : undefined), 300_000);
      child.send({ type: 'waitFor', id, total } satisfies ToRawWorker);
      await reached;
      return performance.now();
    },
    stop: () => stopChild(child),
  };
}
