import { describe, expect, it } from 'vitest';
import type { MonitoringState } from '../../../../../demo-server/src/protocol/index.ts';
import { HOW_TO_GO_LIVE } from '../../../../../slides/panel/captions.ts';
import { jobText, monitoringViewModel, shortId, workerName } from '../../../../../slides/panel/panels/monitoring/model.ts';
import type { Recording } from '../../../../../slides/panel/recording.ts';
import { applyDelta, applySnapshot, initialState } from '../../../../../slides/panel/store.ts';
import { laneState, snapshot } from '../../fixtures.ts';

const demo: MonitoringState = {
  tasks: [{ id: '5d7de275-72e1-4a7c', lane: 'celery', kind: 'sleep', params: { ms: 300 }, state: 'completed', runtimeMs: 312, worker: 'celery worker 1', rerunOf: 'x' }],
  history: { kept: 21, limit: 500, completed: 20, failed: 1, since: 1 },
};

describe('the monitoring panel model', () => {
  it('shows the lanes and workers from the lanes’ own state and the tasks from the history, with buttons when live', () => {
    const bullmq = laneState('bullmq', {
      stats: { waiting: 4, active: 2, completed: 1_200, failed: 3, retried: 0 },
      throughput: 7.25,
      workers: [{ id: 'bullmq@laptop:4242', host: 'laptop', pid: 4242, concurrency: 8, lastSeen: 10_000 }],
    });
    const store = { ...applySnapshot(initialState, { ...snapshot([bullmq]), serverTime: 12_400 }), demos: { monitoring: demo } };
    const vm = monitoringViewModel({ mode: 'live', recording: undefined, store });
    expect(vm.lanes).toEqual([{ name: 'bullmq', label: 'BullMQ', down: false, queue: '4', active: '2', rate: '7.3', done: '1,200', failed: '3' }]);
    expect(vm.workers).toEqual([{ id: 'bullmq@laptop:4242', name: 'bullmq pid 4242', host: 'laptop', concurrency: '8', lastSeen: '2 s ago' }]);
    expect(vm.tasks[0]).toMatchObject({ shortId: '…e1-4a7c', job: 'sleep 300 ms', runtime: '312 ms', worker: 'worker 1' });
    expect(vm.history).toBe('History: 21 of the last 500 tasks kept on the server · 20 completed · 1 failed');
    expect(vm.controls).toBe('enabled');
  });

  it('says how many jobs a lane did twice, as deltas bring them', () => {
    const base = laneState('rabbitmq');
    const rabbitmq = laneState('rabbitmq', { capabilities: { ...base.capabilities, label: 'RabbitMQ' }, stats: { ...base.stats, completed: 9_960 } });
    const connected = applySnapshot(initialState, snapshot([rabbitmq]));
    expect(monitoringViewModel({ mode: 'live', recording: undefined, store: connected }).history).toBe('History: none yet');
    const { capabilities: _, recent: __, ...figures } = rabbitmq;
    const { state } = applyDelta(connected, {
      type: 'delta',
      v: 1,
      seq: 1,
      serverTime: 1,
      lanes: [{ ...figures, stats: { ...rabbitmq.stats, completed: 10_000 }, duplicates: 40, tick: { enqueued: 0, started: 0, completed: 40, failed: 0, retried: 0 }, recent: [] }],
    });
    const vm = monitoringViewModel({ mode: 'live', recording: undefined, store: state });
    expect(vm.lanes[0]!.done).toBe('10,000');
    expect(vm.history).toBe('History: none yet · done twice, counted once: RabbitMQ 40');
  });

  it('shows a recording without buttons, its workers by the names the recording gives', () => {
    const recording: Recording = { panel: 'monitoring', recordedAt: '2026-11-25T15:00:00Z', lanes: {}, demos: { monitoring: demo } };
    const vm = monitoringViewModel({ mode: 'static', recording, store: undefined });
    expect(vm.controls).toBe('hidden');
    expect(vm.workers.map((w) => w.name)).toEqual(['celery worker 1']);
    expect(vm.caption).toContain(HOW_TO_GO_LIVE);
  });

  it('says what a job does in a few characters', () => {
    expect(jobText({ kind: 'cpu', params: { n: 5_000_000 } })).toBe('cpu 5M');
    expect(jobText({ kind: 'cpu', params: { n: 2_500 } })).toBe('cpu 2.5k');
    expect(jobText({ kind: 'flaky', params: { failRate: 0.3 } })).toBe('flaky 30 %');
    expect(jobText({ kind: 'sleep' })).toBe('sleep');
    expect(jobText({})).toBe('?');
    expect(shortId('rabbitmq-17')).toBe('…itmq-17');
    expect(workerName('demo-server-2859@vm')).toBe('demo-server-2859@vm');
  });
});
