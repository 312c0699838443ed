import { DemoCommandRefused } from '../../errors.ts';
import { schedulingCommandSchema, type SchedulerName, type SchedulingState } from '../../protocol/demos/scheduling.ts';
import { demoCommand, type DemoContext, type DemoScenario } from '../demo-scenario.ts';
import { ApschedulerDramatiq } from './apscheduler-dramatiq.ts';
import { BullmqScheduler } from './bullmq-scheduler.ts';
import { CeleryBeat } from './celery-beat.ts';
import type { TickScheduler } from './tick-scheduler.ts';

/**
 * Scheduling, live: a job every second from Celery beat, BullMQ's job scheduler and APScheduler sending
 * to Dramatiq, each ticking on a time axis with its measured intervals; paused and resumed per scheduler.
 * Nothing runs until Start: beat and APScheduler are processes of their own.
 */
export class SchedulingScenario implements DemoScenario<'scheduling'> {
  readonly name = 'scheduling' as const;
  readonly commands;
  private readonly schedulers: TickScheduler[];
  private readonly dramatiq: ApschedulerDramatiq;

  constructor(context: DemoContext) {
    this.dramatiq = new ApschedulerDramatiq(context);
    this.schedulers = [new CeleryBeat(context), new BullmqScheduler(context), this.dramatiq];
    this.commands = {
      start: demoCommand(schedulingCommandSchema, (body) => this.startSchedulers(body.scheduler)),
      pause: demoCommand(schedulingCommandSchema, (body) => this.pause(body.scheduler)),
    };
  }

  private chosen(name: SchedulerName | undefined): TickScheduler[] {
    return name ? this.schedulers.filter((scheduler) => scheduler.name === name) : this.schedulers;
  }

  private async startSchedulers(name: SchedulerName | undefined): Promise<Record<string, unknown>> {
    const chosen = this.chosen(name);
    const ready = chosen.filter((scheduler) => scheduler.unavailable() === null);
    if (ready.length === 0) throw new DemoCommandRefused(chosen.map((s) => s.unavailable()?.note).join('; '));
    const results = await Promise.allSettled(ready.map((scheduler) => scheduler.start()));
    const failures = results.flatMap((result, i) => (result.status === 'rejected' ? [`${ready[i]!.name}: ${(result.reason as Error).message}`] : []));
    if (failures.length === ready.length && name) throw new DemoCommandRefused(failures.join('; '));
    return { started: ready.filter((_, i) => results[i]!.status === 'fulfilled').map((s) => s.name), failures };
  }

  private async pause(name: SchedulerName | undefined): Promise<Record<string, unknown>> {
    const chosen = this.chosen(name);
    await Promise.all(chosen.map((scheduler) => scheduler.pause()));
    return { paused: chosen.map((scheduler) => scheduler.name) };
  }

  state(): SchedulingState {
    return {
      schedulers: this.schedulers.map((scheduler) => {
        const state = scheduler.state();
        // APScheduler runs without a Dramatiq worker, but then its ticks are never run: say so.
        if (scheduler === this.dramatiq && state.status !== 'unavailable') {
          const missing = this.dramatiq.workerMissing();
          if (missing) return { ...state, note: missing.note.slice(0, 300), hint: missing.hint?.slice(0, 300) ?? null };
        }
        return state;
      }),
    };
  }

  async start(): Promise<void> {
    // Beat, APScheduler and connections start on the first Start: `npm start` stays light.
  }

  async reset(): Promise<void> {
    await Promise.allSettled(this.schedulers.map((scheduler) => scheduler.reset()));
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.schedulers.map((scheduler) => scheduler.close()));
  }
}
