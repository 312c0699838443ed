import { CeleryTaskClient, type CeleryTaskEvent } from '../../lanes/celery-task-events.ts';
import { followingTheServer, pythonCanImport, pythonWorkersDir } from '../../lanes/python-workers.ts';
import { WorkerProcess } from '../../lanes/worker-process.ts';
import type { DemoContext } from '../demo-scenario.ts';
import { laneUnavailable, type Unavailable } from '../lane-availability.ts';
import { TickScheduler } from './tick-scheduler.ts';

const TICK_TASK = 'celery_schedule.tick';
const BEAT_HINT = 'The server starts beat itself when `PYTHON` can import Celery: `apt install python3-celery`, or set `PYTHON`';
/** Task ids remembered to match a tick's events, which may arrive in either order. */
const REMEMBERED = 200;

/**
 * Celery beat, a real `celery beat` process for the schedule in celery_schedule.py, started on Start and
 * stopped on pause (beat has no pause of its own). It sends `tick` every second to the app's queue; the
 * Celery lane's worker runs it. Ticks are read from Celery's task events: when the worker started each.
 */
export class CeleryBeat extends TickScheduler {
  readonly name = 'celery' as const;
  private client: CeleryTaskClient | undefined;
  private beat: WorkerProcess | undefined;
  private readonly tickIds = new Set<string>();
  private readonly startedAt = new Map<string, number>();
  private canRun: boolean | undefined;

  constructor(private readonly context: DemoContext) {
    super();
  }

  unavailable(): Unavailable | null {
    if (this.canRun === false) return { note: `${this.context.config.python} cannot import Celery: celery beat cannot run here`, hint: BEAT_HINT };
    return laneUnavailable(this.context.hub, 'celery', 'Celery');
  }

  protected async begin(): Promise<void> {
    const { config, logger } = this.context;
    this.canRun ??= await pythonCanImport(config.python, 'celery_schedule');
    if (!this.canRun) throw new Error(`${this.unavailable()?.note}. ${BEAT_HINT}`);
    if (!this.client) {
      this.client = new CeleryTaskClient(config.amqpUrl, config.namespace, 'demo-scheduling-celery', (event) => this.follow(event));
      await this.client.start();
    }
    const env = { AMQP_URL: config.amqpUrl, REDIS_URL: config.redisUrl, DEMO_NAMESPACE: config.namespace };
    // celery.beat:Scheduler keeps the schedule in memory: no celerybeat-schedule file left behind.
    const args = followingTheServer(['-m', 'celery', '--quiet', '-A', 'celery_schedule', 'beat', '--scheduler', 'celery.beat:Scheduler', '--loglevel', 'WARNING']);
    this.beat = new WorkerProcess({ program: config.python, args, cwd: pythonWorkersDir, env }, logger.child({ part: 'celery-beat' }));
    this.beat.start();
  }

  private follow(event: CeleryTaskEvent): void {
    if (event.type === 'task-received' && event.name === TICK_TASK) {
      remember(this.tickIds, event.uuid);
      const started = this.startedAt.get(event.uuid);
      if (started !== undefined) this.ticked(started);
    } else if (event.type === 'task-started') {
      const at = event.timestamp === undefined ? Date.now() : Math.round(event.timestamp * 1000);
      if (this.tickIds.has(event.uuid)) this.ticked(at);
      else rememberAt(this.startedAt, event.uuid, at);
    }
  }

  protected async end(): Promise<void> {
    const beat = this.beat;
    this.beat = undefined;
    await beat?.stop();
  }

  protected async release(): Promise<void> {
    await this.client?.close();
    this.client = undefined;
  }
}

function remember(ids: Set<string>, id: string): void {
  ids.add(id);
  if (ids.size > REMEMBERED) ids.delete(ids.values().next().value!);
}

function rememberAt(times: Map<string, number>, id: string, at: number): void {
  times.set(id, at);
  if (times.size > REMEMBERED) times.delete(times.keys().next().value!);
}
