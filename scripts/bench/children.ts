import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tsxLoader = import.meta.resolve('tsx');

/** A TypeScript file of this folder run in its own Node process, with an IPC channel to this one. */
export function spawnScript(file: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const path = fileURLToPath(new URL(file, import.meta.url));
  return spawn(process.execPath, ['--import', tsxLoader, path, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Resolves with the first IPC message `accept` returns a value for; rejects when the child exits first. */
export function nextMessage<T>(child: ChildProcess, accept: (message: any) => T | undefined, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const value = accept(message);
      if (value === undefined) return;
      done();
      resolve(value);
    };
    const onExit = (code: number | null, signal: string | null) => {
      done();
      reject(new Error(`child process ${child.pid} exited (${signal ?? code}) before answering`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`child process ${child.pid} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Asks a child to stop (SIGTERM), and kills it if it has not gone within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
