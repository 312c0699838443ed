import { spawn, type ChildProcess } from 'node:child_process';
import { waitFor } from './demo-server.ts';

/**
 * The demo server as a process of its own, as `npm start` runs it, so the test can kill it the way a
 * crash would and start it again on the same port. Workers it starts outlive a killed server by 5 s.
 */
export class ServerProcess {
  private child: ChildProcess | undefined;

  constructor(
    readonly port: number,
    readonly namespace: string,
    private readonly env: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'demo-server/src/main.ts'], {
      env: { ...process.env, PORT: String(this.port), DEMO_NAMESPACE: this.namespace, LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(() => fetch(`${this.url}/api/health`).then((res) => (res.ok ? true : undefined), () => undefined), {
      timeoutMs: 30_000,
      intervalMs: 200,
      what: 'the demo server to answer',
    });
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
