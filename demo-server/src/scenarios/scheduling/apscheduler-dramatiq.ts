import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { DramatiqClient } from '../../lanes/dramatiq-client.ts';
import type { JobEvent } from '../../lanes/lane.ts';
import { followingTheServer, pinnedRequirement, pythonCanImport, pythonWorkersDir } from '../../lanes/python-workers.ts';
import type { DemoContext } from '../demo-scenario.ts';
import { laneUnavailable, type Unavailable } from '../lane-availability.ts';
import { TickScheduler } from './tick-scheduler.ts';

/** Sent tick ids remembered until a worker runs them. */
const REMEMBERED = 200;
const STOP_GRACE_MS = 3_000;

const INSTALL_HINT =
  `Install both into PYTHON: \`pip install '${pinnedRequirement('apscheduler')}' '${pinnedRequirement('dramatiq')}'\`, ` +
  'or leave PYTHON unset and `npm start` makes .venv with them';

/**
 * Dramatiq has no scheduler: as its docs say, APScheduler does it. A small APScheduler process
 * (dramatiq_schedule.py) sends the `tick` actor a message every second and prints each message id;
 * a tick is when a Dramatiq worker started that message, as the LifecycleEvents middleware reports.
 */
export class ApschedulerDramatiq extends TickScheduler {
  readonly name = 'dramatiq' as const;
  private client: DramatiqClient | undefined;
  private child: ChildProcess | undefined;
  private canRun: boolean | undefined;
  private readonly sent = new Set<string>();

  constructor(private readonly context: DemoContext) {
    super();
  }

  unavailable(): Unavailable | null {
    if (this.canRun === false) {
      return { note: `APScheduler or Dramatiq cannot be imported by ${this.context.config.python}`, hint: INSTALL_HINT };
    }
    return null;
  }

  /** Sent, not run: there is no Dramatiq worker, or it lags. */
  protected override unrun(): number {
    return this.sent.size;
  }

  /** Why the ticks do not run although APScheduler sends them. */
  workerMissing(): Unavailable | null {
    return laneUnavailable(this.context.hub, 'dramatiq', 'Dramatiq');
  }

  protected async begin(): Promise<void> {
    const { config, logger } = this.context;
    this.canRun ??= (await pythonCanImport(config.python, 'dramatiq_schedule')) && (await pythonCanImport(config.python, 'apscheduler'));
    if (!this.canRun) throw new Error(`${this.unavailable()?.note}. ${INSTALL_HINT}`);
    if (!this.client) {
      this.client = new DramatiqClient(config.amqpUrl, config.redisUrl, config.namespace, 'demo-scheduling-dramatiq', (event) => this.follow(event));
      await this.client.start();
    }
    const env = { ...process.env, AMQP_URL: config.amqpUrl, REDIS_URL: config.redisUrl, DEMO_NAMESPACE: config.namespace };
    const child = spawn(config.python, followingTheServer(['-c', 'import dramatiq_schedule; dramatiq_schedule.main()']), {
      cwd: pythonWorkersDir,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.on('error', (error) => logger.error({ err: error }, 'scheduling: APScheduler could not be started'));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const id = line.trim();
      if (!/^[0-9a-f-]{36}$/.test(id)) return;
      this.sent.add(id);
      if (this.sent.size > REMEMBERED) this.sent.delete(this.sent.values().next().value!);
    });
    this.child = child;
  }

  private follow(event: JobEvent): void {
    if (event.type === 'started' && this.sent.delete(event.jobId)) this.ticked(Date.now());
  }

  protected async end(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  protected override async afterReset(): Promise<void> {
    this.sent.clear();
  }

  protected async release(): Promise<void> {
    await this.client?.close();
    this.client = undefined;
  }
}
