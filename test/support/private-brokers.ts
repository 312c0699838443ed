import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'amqplib';
import { Redis } from 'ioredis';
import { waitFor } from './demo-server.ts';

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Redis of the test's own, with AOF fsynced on every write, so it can be killed and
 * restarted without touching the shared one. Restarting reuses the same port and data.
 */
export class PrivateRedis {
  private process: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'private-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''],
      { stdio: 'ignore' },
    );
    await waitFor(() => ping(this.url), { what: `private redis on ${this.port}`, timeoutMs: 15_000 });
  }

  /** SIGSTOP: the server keeps its connections open and answers nothing, as a hung or overloaded Redis would. */
  pause(): void {
    this.process?.kill('SIGSTOP');
  }

  resume(): void {
    this.process?.kill('SIGCONT');
  }

  /** kill -9: no shutdown, no final save; only what AOF already has survives. */
  kill(): void {
    this.process?.kill('SIGKILL');
    this.process = null;
  }

  async stop(): Promise<void> {
    this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function ping(url: string): Promise<true | undefined> {
  const redis = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return undefined;
  } finally {
    redis.disconnect();
  }
}

/**
 * A second RabbitMQ node of the test's own: own node name, ports and data directory, no
 * plugins. The Debian scripts run the node as the `rabbitmq` user, so its directory is theirs.
 */
export class PrivateRabbitmq {
  private readonly dir = mkdtempSync(join(tmpdir(), 'private-rabbitmq-'));
  readonly node: string;

  private constructor(
    readonly port: number,
    private readonly distPort: number,
  ) {
    this.node = `test${port}@localhost`;
    writeFileSync(join(this.dir, 'enabled_plugins'), '[].\n');
    writeFileSync(join(this.dir, 'rabbitmq.conf'), `listeners.tcp.default = ${port}\nloopback_users = none\n`);
    chmodSync(this.dir, 0o755);
    const owner = spawnSync('id', ['-u', 'rabbitmq'], { encoding: 'utf8' });
    if (owner.status === 0) {
      const uid = Number(owner.stdout.trim());
      for (const path of [this.dir, join(this.dir, 'enabled_plugins'), join(this.dir, 'rabbitmq.conf')]) chownSync(path, uid, uid);
    }
  }

  static async start(): Promise<PrivateRabbitmq> {
    const node = new PrivateRabbitmq(await freePort(), await freePort());
    await node.restart();
    return node;
  }

  get url(): string {
    return `amqp://guest:guest@127.0.0.1:${this.port}`;
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      RABBITMQ_NODENAME: this.node,
      RABBITMQ_NODE_PORT: String(this.port),
      RABBITMQ_DIST_PORT: String(this.distPort),
      RABBITMQ_MNESIA_BASE: join(this.dir, 'mnesia'),
      RABBITMQ_LOG_BASE: join(this.dir, 'log'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(this.dir, 'enabled_plugins'),
      RABBITMQ_CONFIG_FILE: join(this.dir, 'rabbitmq.conf'),
      RABBITMQ_PID_FILE: join(this.dir, 'pid'),
    };
  }

  async restart(): Promise<void> {
    const started = await run('rabbitmq-server', ['-detached'], this.env());
    if (started.status !== 0) throw new Error(`rabbitmq-server -detached for ${this.node} exited ${started.status}: ${started.output}`);
    await waitFor(() => amqpAnswers(this.url), { what: `private rabbitmq ${this.node}`, timeoutMs: 90_000, intervalMs: 250 });
  }

  /** A clean stop: the node finishes writing and closes connections. */
  async stopCleanly(): Promise<void> {
    await run('rabbitmqctl', ['-n', this.node, 'stop'], this.env());
  }

  /**
   * Sets the memory alarm's threshold (`rabbitmqctl set_vm_memory_high_watermark`): a tiny fraction
   * raises the alarm at once and the node blocks every connection that publishes; 0.4 is the default.
   */
  async setMemoryHighWatermark(fraction: string): Promise<void> {
    const set = await run('rabbitmqctl', ['-n', this.node, 'set_vm_memory_high_watermark', fraction], this.env());
    if (set.status !== 0) throw new Error(`set_vm_memory_high_watermark ${fraction} on ${this.node}: ${set.output}`);
  }

  /** kill -9 of the node's Erlang VM. */
  kill(): void {
    const pid = Number(readFileSync(join(this.dir, 'pid'), 'utf8').trim());
    if (pid > 0) process.kill(pid, 'SIGKILL');
  }

  async stop(): Promise<void> {
    await this.stopCleanly();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Runs a broker's command line (each takes seconds: an Erlang VM boots) without blocking the event
 * loop, which may be a demo server's under test: a blocked loop misses its AMQP heartbeats.
 */
function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: null, output: error.message });
    });
    // On exit, not close: `rabbitmq-server -detached` leaves a daemon that inherits the pipes.
    child.on('exit', (status) => {
      clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ status, output: output.trim() });
    });
  });
}

async function amqpAnswers(url: string): Promise<true | undefined> {
  try {
    const connection = await connect(url);
    await connection.close();
    return true;
  } catch {
    return undefined;
  }
}
