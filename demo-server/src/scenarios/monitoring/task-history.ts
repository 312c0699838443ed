import type { JobEvent } from '../../lanes/lane.ts';
import {
  MONITORING_HISTORY_LIMIT,
  MONITORING_TASKS_SHOWN,
  type LaneName,
  type MonitoredTask,
  type MonitoringState,
} from '../../protocol/index.ts';

const keyOf = (lane: LaneName, id: string) => `${lane}\u0000${id}`;

/**
 * The tasks of every lane, from their events, kept on the server for the whole session (what Flower
 * forgets on a restart): the last `limit`, the oldest dropped first, until a reset.
 */
export class TaskHistory {
  private readonly tasks = new Map<string, MonitoredTask>();
  /** Ids of re-runs by the lane's own id, waiting for their first event. */
  private readonly reruns = new Map<string, string>();

  constructor(private readonly limit = MONITORING_HISTORY_LIMIT) {}

  record(lane: LaneName, event: JobEvent, at: number): void {
    const key = keyOf(lane, event.jobId);
    let task = this.tasks.get(key);
    if (!task) {
      // A task's end can arrive for a job that started before the last reset: nothing to add it to.
      if (event.type !== 'enqueued' && event.type !== 'started') return;
      task = { id: event.jobId, lane, state: 'waiting' };
      const rerunOf = this.reruns.get(key);
      if (rerunOf !== undefined) {
        task.rerunOf = rerunOf;
        this.reruns.delete(key);
      }
      this.tasks.set(key, task);
      if (this.tasks.size > this.limit) this.tasks.delete(this.tasks.keys().next().value!);
    }
    switch (event.type) {
      case 'enqueued':
        task.enqueuedAt = at;
        if (event.kind !== undefined) task.kind = event.kind;
        if (event.params !== undefined) task.params = { ...event.params };
        return;
      case 'started':
        task.state = 'active';
        task.startedAt = at;
        delete task.endedAt;
        delete task.runtimeMs;
        if (event.worker !== undefined) task.worker = event.worker;
        return;
      case 'completed':
      case 'failed':
        task.state = event.type;
        task.endedAt = at;
        if (task.startedAt !== undefined) task.runtimeMs = Math.max(0, at - task.startedAt);
        if (event.worker !== undefined) task.worker = event.worker;
        return;
      case 'retried':
        task.state = 'retried';
        return;
      case 'withdrawn':
        this.tasks.delete(key);
        return;
    }
  }

  /** Marks the job about to be sent as a re-run of `original`, so the list says so. */
  rerunning(lane: LaneName, jobId: string, original: string): void {
    const task = this.tasks.get(keyOf(lane, jobId));
    if (task) task.rerunOf = original;
    else {
      this.reruns.set(keyOf(lane, jobId), original);
      if (this.reruns.size > 100) this.reruns.delete(this.reruns.keys().next().value!);
    }
  }

  get(lane: LaneName, id: string): MonitoredTask | undefined {
    return this.tasks.get(keyOf(lane, id));
  }

  /** Complete the task's params when the lane could tell them only later (read back from its broker). */
  learnParams(lane: LaneName, id: string, params: Record<string, number>): void {
    const task = this.tasks.get(keyOf(lane, id));
    if (task) task.params = { ...params };
  }

  state(shown = MONITORING_TASKS_SHOWN): MonitoringState {
    let completed = 0;
    let failed = 0;
    for (const task of this.tasks.values()) {
      if (task.state === 'completed') completed++;
      else if (task.state === 'failed') failed++;
    }
    const newest = [...this.tasks.values()].slice(-shown).reverse().map((task) => ({ ...task }));
    const oldest = this.tasks.values().next().value;
    return {
      tasks: newest,
      history: { kept: this.tasks.size, limit: this.limit, completed, failed, since: oldest?.enqueuedAt ?? oldest?.startedAt ?? null },
    };
  }

  clear(): void {
    this.tasks.clear();
    this.reruns.clear();
  }
}
