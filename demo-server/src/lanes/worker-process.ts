import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { LaneName } from '../protocol/index.ts';

const workerMain = fileURLToPath(new URL('../worker/main.ts', import.meta.url));
const tsxLoader = import.meta.resolve('tsx');
const RESPAWN_DELAY_MS = 300;

/**
 * The demo's default worker for a lane, in its own process so a `crash` job kills a
 * worker and never the server. It is started again when it dies, as a process
 * supervisor would.
 */
export class WorkerProcess {
  private child: ChildProcess | null = null;
  private stopping = false;
  private respawnTimer: NodeJS.Timeout | null = null;
  private restarts = 0;

  constructor(
    private readonly lane: LaneName,
    private readonly concurrency: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopping = false;
    const child = spawn(
      process.execPath,
      ['--import', tsxLoader, workerMain, '--lane', this.lane, '--concurrency', String(this.concurrency)],
      { env: { ...process.env, ...this.env }, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    this.child = child;
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      if (this.stopping) return;
      this.restarts++;
      this.logger.warn({ code, signal, restarts: this.restarts }, 'worker exited; starting a new one');
      this.respawnTimer = setTimeout(() => this.start(), RESPAWN_DELAY_MS);
    });
  }

  pid(): number | undefined {
    return this.child?.pid;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.respawnTimer) clearTimeout(this.respawnTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
