import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { LaneName } from '../protocol/index.ts';

const workerMain = fileURLToPath(new URL('../worker/main.ts', import.meta.url));
const tsxLoader = import.meta.resolve('tsx');
const RESPAWN_DELAY_MS = 300;
/** A worker that dies sooner than this after its start (a broker that is away) is restarted ever more slowly, up to the max. */
const QUICK_EXIT_MS = 2_000;
const MAX_RESPAWN_DELAY_MS = 10_000;
/** A worker that ignores SIGTERM this long (a Celery warm shutdown waiting on a 30 s sleep) is killed. */
const STOP_GRACE_MS = 5_000;

/** How to start one worker process: the program, its arguments, where, with what environment. */
export interface WorkerCommand {
  program: string;
  args: string[];
  cwd?: string;
  env: NodeJS.ProcessEnv;
}

/** The demo's own Node worker for a lane (`npm run worker`). */
export function nodeWorkerCommand(lane: LaneName, concurrency: number, env: NodeJS.ProcessEnv): WorkerCommand {
  return {
    program: process.execPath,
    args: ['--import', tsxLoader, workerMain, '--lane', lane, '--concurrency', String(concurrency)],
    env,
  };
}

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
  private respawnDelayMs = RESPAWN_DELAY_MS;

  constructor(
    private readonly command: WorkerCommand,
    private readonly logger: Logger,
    /**
     * Start the worker as the leader of a process group of its own, so `killGroup` can end it with its
     * pool processes at once, as a machine that dies would.
     */
    private readonly options: { ownProcessGroup?: boolean } = {},
  ) {}

  start(): void {
    this.stopping = false;
    const { program, args, cwd, env } = this.command;
    // The IPC channel tells a Node worker when the server died: it works on briefly, then stops.
    const child = spawn(program, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      detached: this.options.ownProcessGroup === true,
    });
    const startedAt = Date.now();
    this.child = child;
    // A program that cannot be started at all is not restarted: that would only repeat the error.
    child.on('error', (error) => {
      this.stopping = true;
      if (this.child === child) this.child = null;
      this.logger.error({ err: error, program }, 'worker could not be started');
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      if (this.stopping) return;
      this.restarts++;
      const quick = Date.now() - startedAt < QUICK_EXIT_MS;
      this.respawnDelayMs = quick ? Math.min(this.respawnDelayMs * 2, MAX_RESPAWN_DELAY_MS) : RESPAWN_DELAY_MS;
      this.logger.warn({ code, signal, restarts: this.restarts, inMs: this.respawnDelayMs }, 'worker exited; starting a new one');
      this.respawnTimer = setTimeout(() => this.start(), this.respawnDelayMs);
    });
  }

  pid(): number | undefined {
    return this.child?.pid;
  }

  /** Whether the process runs now (it may still be booting). */
  running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * SIGKILL to the worker's whole process group (main process and pool): no ack, no goodbye. The
   * supervisor starts a fresh worker as after any crash. Answers the killed pid, if one ran.
   */
  killGroup(): number | undefined {
    const pid = this.child?.pid;
    if (!this.options.ownProcessGroup || pid === undefined || !this.running()) return undefined;
    process.kill(-pid, 'SIGKILL');
    return pid;
  }

  /** Stops the worker for good: SIGTERM (a warm shutdown), SIGKILL after a grace; `now` skips the grace. */
  async stop({ now = false }: { now?: boolean } = {}): Promise<void> {
    this.stopping = true;
    if (this.respawnTimer) clearTimeout(this.respawnTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const pid = child.pid;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // A worker in a group of its own takes its pool processes with it.
    const kill = () => (this.options.ownProcessGroup ? process.kill(-pid, 'SIGKILL') : child.kill('SIGKILL'));
    if (now) kill();
    else child.kill('SIGTERM');
    const timer = setTimeout(kill, STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }
}
