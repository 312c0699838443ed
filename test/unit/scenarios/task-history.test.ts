import { describe, expect, it } from 'vitest';
import { TaskHistory } from '../../../demo-server/src/scenarios/monitoring/task-history.ts';

describe('the monitoring task history', () => {
  it('follows a task from its events: kind, params, worker, state and runtime', () => {
    const history = new TaskHistory();
    history.record('rabbitmq', { type: 'enqueued', jobId: 'a', kind: 'sleep', params: { ms: 300 } }, 1_000);
    history.record('rabbitmq', { type: 'started', jobId: 'a', worker: 'rabbitmq@h:1' }, 1_100);
    expect(history.get('rabbitmq', 'a')).toMatchObject({ state: 'active', startedAt: 1_100 });
    history.record('rabbitmq', { type: 'completed', jobId: 'a', worker: 'rabbitmq@h:1' }, 1_420);
    expect(history.get('rabbitmq', 'a')).toEqual({
      id: 'a', lane: 'rabbitmq', kind: 'sleep', params: { ms: 300 }, state: 'completed',
      enqueuedAt: 1_000, startedAt: 1_100, endedAt: 1_420, runtimeMs: 320, worker: 'rabbitmq@h:1',
    });
    // The same id on another lane is another task.
    expect(history.get('bullmq', 'a')).toBeUndefined();
  });

  it('keeps the newest tasks up to its limit and sends the newest first', () => {
    const history = new TaskHistory(3);
    for (const id of ['1', '2', '3', '4']) history.record('bullmq', { type: 'enqueued', jobId: id, kind: 'noop' }, Number(id));
    history.record('bullmq', { type: 'failed', jobId: '4', error: 'x' }, 10);
    const state = history.state(2);
    expect(state.tasks.map((t) => t.id)).toEqual(['4', '3']);
    expect(state.history).toEqual({ kept: 3, limit: 3, completed: 0, failed: 1, since: 2 });
    history.clear();
    expect(history.state().history.kept).toBe(0);
  });

  it('marks a re-run whether its first event comes before or after the id is known, and ignores ends of unknown tasks', () => {
    const history = new TaskHistory();
    history.record('rabbitmq', { type: 'enqueued', jobId: 'r1', kind: 'cpu', params: { n: 5 } }, 1);
    history.rerunning('rabbitmq', 'r1', 'orig-1');
    history.rerunning('bullmq', 'b9', 'orig-2');
    history.record('bullmq', { type: 'enqueued', jobId: 'b9', kind: 'cpu' }, 2);
    expect(history.get('rabbitmq', 'r1')?.rerunOf).toBe('orig-1');
    expect(history.get('bullmq', 'b9')?.rerunOf).toBe('orig-2');
    history.record('bullmq', { type: 'completed', jobId: 'from-before-reset' }, 3);
    expect(history.get('bullmq', 'from-before-reset')).toBeUndefined();
    history.record('bullmq', { type: 'withdrawn', jobId: 'b9' }, 4);
    expect(history.get('bullmq', 'b9')).toBeUndefined();
  });
});
