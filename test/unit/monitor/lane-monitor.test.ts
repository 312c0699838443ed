import { describe, expect, it } from 'vitest';
import { LaneMonitor } from '../../../demo-server/src/monitor/lane-monitor.ts';

function monitorAt(start = 1_000_000) {
  let now = start;
  const monitor = new LaneMonitor(() => now);
  return { monitor, advance: (ms: number) => (now += ms) };
}

describe('LaneMonitor', () => {
  it('counts a job from enqueued through started to completed', () => {
    const { monitor } = monitorAt();
    monitor.record({ type: 'enqueued', jobId: '1' });
    expect(monitor.currentStats()).toEqual({ waiting: 1, active: 0, completed: 0, failed: 0, retried: 0 });
    monitor.record({ type: 'started', jobId: '1' });
    expect(monitor.currentStats()).toMatchObject({ waiting: 0, active: 1 });
    monitor.record({ type: 'completed', jobId: '1' });
    expect(monitor.currentStats()).toEqual({ waiting: 0, active: 0, completed: 1, failed: 0, retried: 0 });
  });

  it('puts a retried job back in the queue and counts the retry', () => {
    const { monitor } = monitorAt();
    monitor.record({ type: 'enqueued', jobId: '1' });
    monitor.record({ type: 'started', jobId: '1' });
    monitor.record({ type: 'retried', jobId: '1' });
    expect(monitor.currentStats()).toEqual({ waiting: 1, active: 0, completed: 0, failed: 0, retried: 1 });
    monitor.record({ type: 'started', jobId: '1' });
    monitor.record({ type: 'failed', jobId: '1' });
    expect(monitor.currentStats()).toEqual({ waiting: 0, active: 0, completed: 0, failed: 1, retried: 1 });
  });

  it('ignores a retry for a job it does not see running, so a delayed add is not a retry', () => {
    const { monitor } = monitorAt();
    monitor.record({ type: 'enqueued', jobId: '1' });
    monitor.record({ type: 'retried', jobId: '1' });
    expect(monitor.currentStats()).toMatchObject({ waiting: 1, retried: 0 });
  });

  it('counts a second start of a running job as a redelivery, not a second active job', () => {
    const { monitor } = monitorAt();
    monitor.record({ type: 'enqueued', jobId: '1' });
    monitor.record({ type: 'started', jobId: '1' });
    monitor.record({ type: 'started', jobId: '1' });
    expect(monitor.currentStats()).toMatchObject({ active: 1, waiting: 0 });
    expect(monitor.redeliveries()).toBe(1);
  });

  it('still takes a job off the queue when its start was never seen', () => {
    const { monitor } = monitorAt();
    monitor.record({ type: 'enqueued', jobId: '1' });
    monitor.record({ type: 'completed', jobId: '1' });
    expect(monitor.currentStats()).toMatchObject({ waiting: 0, active: 0, completed: 1 });
  });

  it('measures latency from the enqueue time a worker hands back', () => {
    const { monitor } = monitorAt(10_000);
    for (let i = 0; i < 100; i++) monitor.record({ type: 'completed', jobId: String(i), enqueuedAt: 10_000 - (i + 1) });
    expect(monitor.latency()).toEqual({ p50: 50, p99: 99 });
  });

  it('reports throughput over the last second only', () => {
    const { monitor, advance } = monitorAt();
    for (let i = 0; i < 500; i++) monitor.record({ type: 'completed', jobId: String(i) });
    expect(monitor.throughput()).toBe(500);
    advance(1_500);
    expect(monitor.throughput()).toBe(0);
  });

  it('hands over each tick once and bounds its sample of jobs', () => {
    const { monitor } = monitorAt();
    for (let i = 0; i < 1_000; i++) monitor.record({ type: 'enqueued', jobId: String(i) });
    const tick = monitor.drainTick();
    expect(tick.counts.enqueued).toBe(1_000);
    expect(tick.recent.length).toBeLessThanOrEqual(40);
    expect(monitor.recentJobs().length).toBeLessThanOrEqual(40);
    expect(monitor.drainTick().counts.enqueued).toBe(0);
  });

  it('after a reset, ignores the endings of jobs that were running before it', () => {
    const { monitor } = monitorAt();
    monitor.record({ type: 'enqueued', jobId: 'old' });
    monitor.record({ type: 'started', jobId: 'old' });
    monitor.reset();
    monitor.record({ type: 'completed', jobId: 'old' });
    expect(monitor.currentStats()).toEqual({ waiting: 0, active: 0, completed: 0, failed: 0, retried: 0 });
  });

  it('still ignores them after a second reset that came before they ended', () => {
    const { monitor } = monitorAt();
    monitor.record({ type: 'enqueued', jobId: 'old' });
    monitor.record({ type: 'started', jobId: 'old' });
    monitor.reset();
    monitor.reset();
    monitor.record({ type: 'completed', jobId: 'old' });
    expect(monitor.currentStats().completed).toBe(0);
  });
});

describe('LaneMonitor with at-least-once delivery', () => {
  it('counts a job reported completed twice once, and the second report as a duplicate', () => {
    const monitor = new LaneMonitor();
    monitor.record({ type: 'enqueued', jobId: '1' });
    monitor.record({ type: 'started', jobId: '1' });
    monitor.record({ type: 'completed', jobId: '1' });
    monitor.record({ type: 'started', jobId: '1' });
    monitor.record({ type: 'completed', jobId: '1' });
    expect(monitor.currentStats()).toEqual({ waiting: 0, active: 0, completed: 1, failed: 0, retried: 0 });
    expect(monitor.duplicateCompletions()).toBe(1);
  });
});
