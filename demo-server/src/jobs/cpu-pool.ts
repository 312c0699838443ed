import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** The thread loads its TypeScript through tsx, as the server does (worker threads do not inherit `--import`). */
const threadModule = new URL('./cpu-thread.ts', import.meta.url).href;
const tsxApi = import.meta.resolve('tsx/esm/api');
const bootstrap = `const { register } = await import(${JSON.stringify(tsxApi)}); register(); await import(${JSON.stringify(threadModule)});`;

/** Threads for `cpu` jobs: one core stays free for the event loop, the brokers and the workers. */
export const CPU_THREADS = Math.max(1, Math.min(2, availableParallelism() - 1));

/** A job that will not run: its pool was stopped (a reset) or its thread died. */
export class CpuJobAborted extends Error {
  constructor(why: string) {
    super(`cpu job aborted: ${why}`);
    this.name = 'CpuJobAborted';
  }
}

interface Task {
  id: number;
  n: number;
  resolve(result: number): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  task: Task | null;
}

/**
 * A small pool of worker threads for the in-process lane's `cpu` jobs: a busy loop of a second on
 * the server's own thread would freeze the API, the socket's ticks and every other lane. Threads
 * start on the first job; `abort` ends them at once (a reset must not wait for a 50,000,000 loop).
 */
export class CpuPool {
  private readonly threads: Thread[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 1;

  constructor(private readonly size = CPU_THREADS) {}

  run(n: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, n, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const thread = this.threads.find((t) => t.task === null) ?? this.spawn();
      if (!thread) return;
      const task = this.waiting.shift()!;
      thread.task = task;
      thread.worker.postMessage({ id: task.id, n: task.n });
    }
  }

  private spawn(): Thread | undefined {
    if (this.threads.length >= this.size) return undefined;
    const worker = new Worker(bootstrap, { eval: true, name: 'demo-cpu-job' });
    // A thread must never keep a stopping server alive.
    worker.unref();
    const thread: Thread = { worker, task: null };
    worker.on('message', ({ id, result }: { id: number; result: number }) => {
      const task = thread.task;
      if (task?.id !== id) return;
      thread.task = null;
      task.resolve(result);
      this.dispatch();
    });
    const lost = (why: string) => {
      const index = this.threads.indexOf(thread);
      if (index === -1) return;
      this.threads.splice(index, 1);
      thread.task?.reject(new CpuJobAborted(why));
      thread.task = null;
      this.dispatch();
    };
    worker.on('error', (error) => lost(`its thread failed (${error.message})`));
    worker.on('exit', (code) => lost(`its thread exited with code ${code}`));
    this.threads.push(thread);
    return thread;
  }

  /** Jobs running or waiting for a thread. */
  pending(): number {
    return this.waiting.length + this.threads.filter((t) => t.task !== null).length;
  }

  /** Ends every thread and fails every job, at once. The next `run` starts fresh threads. */
  async abort(why = 'the lane was reset'): Promise<void> {
    const threads = this.threads.splice(0);
    const waiting = this.waiting.splice(0);
    for (const task of waiting) task.reject(new CpuJobAborted(why));
    for (const thread of threads) thread.task?.reject(new CpuJobAborted(why));
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }
}
