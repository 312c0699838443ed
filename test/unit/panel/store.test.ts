import { afterEach, describe, expect, it, vi } from 'vitest';
import { RECENT_JOBS_LIMIT } from '../../../demo-server/src/protocol/index.ts';
import { applyDelta, applySnapshot, initialState, LaneStore, mergeRecent } from '../../../slides/panel/store.ts';
import { delta, laneDelta, laneState, snapshot } from './fixtures.ts';

const stats = (waiting: number, completed = 0) => ({ waiting, active: 0, completed, failed: 0, retried: 0 });

describe('applySnapshot', () => {
  it('replaces every lane, so nothing from a previous connection survives a reconnect', () => {
    const before = applySnapshot(initialState, snapshot([laneState('bullmq'), laneState('memory')]));
    const after = applySnapshot({ ...before, connection: 'offline' }, snapshot([laneState('rabbitmq')]));
    expect([...after.lanes.keys()]).toEqual(['rabbitmq']);
    expect(after.connection).toBe('open');
    expect(after.everConnected).toBe(true);
  });

  it('adopts the server tick length', () => {
    expect(applySnapshot(initialState, { ...snapshot(), tickMs: 80 }).tickMs).toBe(80);
  });
});

describe('applyDelta', () => {
  const connected = applySnapshot(initialState, snapshot([laneState('bullmq'), laneState('memory')]));

  it('takes the absolute figures of a changed lane and keeps its capabilities', () => {
    const tick = { enqueued: 100, started: 3, completed: 2, failed: 0, retried: 0 };
    const { state, ticks } = applyDelta(connected, delta([laneDelta('bullmq', { stats: stats(97, 2), throughput: 40, tick })]));
    const lane = state.lanes.get('bullmq')!;
    expect(lane.stats).toEqual(stats(97, 2));
    expect(lane.throughput).toBe(40);
    expect(lane.capabilities.label).toBe('BullMQ');
    expect(ticks.get('bullmq')).toEqual(tick);
  });

  it('leaves lanes the delta does not mention untouched', () => {
    const { state } = applyDelta(connected, delta([laneDelta('bullmq', { stats: stats(5) })]));
    expect(state.lanes.get('memory')).toBe(connected.lanes.get('memory'));
  });

  it('takes a lane going down from the delta health', () => {
    const health = { name: 'bullmq' as const, status: 'down' as const, detail: 'Redis refused', hint: 'docker compose up -d redis' };
    const { state } = applyDelta(connected, delta([laneDelta('bullmq', { health })]));
    expect(state.lanes.get('bullmq')!.health).toEqual(health);
  });

  it('takes a producer and a run from the delta, and drops them when the delta has none', () => {
    const run = { id: 'r1', kind: 'noop' as const, count: 10, startedAt: 1, finishedAt: null };
    const producer = { rate: 20, kind: 'sleep' as const, until: 99 };
    const { state: running } = applyDelta(connected, delta([laneDelta('bullmq', { run, producer })]));
    expect(running.lanes.get('bullmq')).toMatchObject({ run, producer });
    const { state: reset } = applyDelta(running, delta([laneDelta('bullmq')], 2));
    expect(reset.lanes.get('bullmq')!.run).toBeUndefined();
    expect(reset.lanes.get('bullmq')!.producer).toBeUndefined();
  });

  it('ignores a delta that arrives before any snapshot', () => {
    const { state, ticks } = applyDelta(initialState, delta([laneDelta('bullmq', { stats: stats(5) })]));
    expect(state).toBe(initialState);
    expect(ticks.size).toBe(0);
  });

  it('drops a lane the snapshot did not list, since it has no capabilities to show', () => {
    const { state, ticks } = applyDelta(connected, delta([laneDelta('celery', { stats: stats(5) })]));
    expect(state.lanes.has('celery')).toBe(false);
    expect(ticks.has('celery')).toBe(false);
  });
});

describe('mergeRecent', () => {
  const job = (id: string, at: number) => ({ id, state: 'completed' as const, at });

  it('puts the newest first and keeps one entry per job', () => {
    const merged = mergeRecent([job('a', 1), job('b', 2)], [job('a', 5), job('c', 4)]);
    expect(merged.map((j) => `${j.id}@${j.at}`)).toEqual(['a@5', 'c@4', 'b@2']);
  });

  it('stays within the server bound', () => {
    const many = Array.from({ length: RECENT_JOBS_LIMIT }, (_, i) => job(`n${i}`, 100 + i));
    const old = Array.from({ length: RECENT_JOBS_LIMIT }, (_, i) => job(`o${i}`, i));
    expect(mergeRecent(old, many)).toHaveLength(RECENT_JOBS_LIMIT);
  });
});

describe('LaneStore', () => {
  it('tells listeners of connection changes, snapshots and deltas with their ticks', () => {
    const store = new LaneStore();
    const events: string[] = [];
    store.subscribe((event) => events.push(event.type === 'delta' ? `delta:${[...event.ticks.keys()]}` : event.type));
    store.setConnection('offline');
    store.setConnection('offline');
    store.receiveSnapshot(snapshot());
    store.receiveDelta(delta([laneDelta('bullmq')]));
    store.receiveDelta(delta([]));
    expect(events).toEqual(['connection', 'snapshot', 'delta:bullmq']);
  });

  it('keeps notifying the other listeners when one throws', () => {
    const store = new LaneStore();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const second = vi.fn();
    store.subscribe(() => {
      throw new Error('broken panel');
    });
    store.subscribe(second);
    store.receiveSnapshot(snapshot());
    expect(second).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it('stops notifying after unsubscribe', () => {
    const store = new LaneStore();
    const listener = vi.fn();
    store.subscribe(listener)();
    store.receiveSnapshot(snapshot());
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('the server clock', () => {
  afterEach(() => vi.useRealTimers());

  it('runs on from the server time of the last message, not the page’s own clock', () => {
    vi.useFakeTimers({ now: 10_000 });
    const store = new LaneStore();
    store.receiveSnapshot({ ...snapshot(), serverTime: 70_000 });
    vi.advanceTimersByTime(1_500);
    expect(store.serverNow()).toBe(71_500);
    // A change of connection says nothing about the server's time.
    store.setConnection('offline');
    vi.advanceTimersByTime(500);
    expect(store.serverNow()).toBe(72_000);
  });
});
