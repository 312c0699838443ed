import { describe, expect, it } from 'vitest';
import { MAX_COUNT } from '../../../../../demo-server/src/protocol/index.ts';
import { CONNECTING, HOW_TO_GO_LIVE, MIRROR_NOTE, OFFLINE_BANNER } from '../../../../../slides/panel/captions.ts';
import { depthFraction, queueViewModel } from '../../../../../slides/panel/panels/queue/model.ts';
import type { Recording } from '../../../../../slides/panel/recording.ts';
import { applySnapshot, initialState, type StoreState } from '../../../../../slides/panel/store.ts';
import { laneState, snapshot } from '../../fixtures.ts';

const recording: Recording = {
  panel: 'queue',
  recordedAt: '2025-11-25T12:03:00Z',
  lanes: {
    bullmq: {
      stats: { waiting: 0, active: 0, completed: 10_101, failed: 0, retried: 0 },
      throughput: 812,
      latency: { p50: 4, p99: 31 },
    },
  },
};
const live = (state: StoreState) => ({ mode: 'live' as const, lane: 'bullmq' as const, recording: undefined, store: state });
const connected = applySnapshot(initialState, snapshot([laneState('bullmq', { stats: { waiting: 9, active: 1, completed: 2, failed: 0, retried: 0 } })]));

describe('queueViewModel', () => {
  it('static without a recording: no figures, no buttons, how to go live', () => {
    const vm = queueViewModel({ mode: 'static', lane: 'bullmq', recording: undefined, store: undefined });
    expect(vm.figures).toBeUndefined();
    expect(vm.controls).toBe('hidden');
    expect(vm.caption).toBe(HOW_TO_GO_LIVE);
  });

  it('static with a recording: its figures and its date', () => {
    const vm = queueViewModel({ mode: 'static', lane: 'bullmq', recording, store: undefined });
    expect(vm.figures?.stats.completed).toBe(10_101);
    expect(vm.caption).toContain('Run recorded 2025-11-25 12:03 UTC.');
    expect(vm.caption).toContain(HOW_TO_GO_LIVE);
  });

  it('mirror: the recording with a note that the demo runs in the main view', () => {
    const vm = queueViewModel({ mode: 'mirror', lane: 'bullmq', recording, store: undefined });
    expect(vm.controls).toBe('hidden');
    expect(vm.caption).toContain(MIRROR_NOTE);
  });

  it('mirror with the live window’s state: its figures, no buttons, the note', () => {
    const vm = queueViewModel({ mode: 'mirror', lane: 'bullmq', recording, store: connected });
    expect(vm.figures?.stats.waiting).toBe(9);
    expect(vm.controls).toBe('hidden');
    expect(vm.caption).toBe(MIRROR_NOTE);
  });

  it('live before the first snapshot: connecting, then offline with the banner', () => {
    expect(queueViewModel(live(initialState)).caption).toBe(CONNECTING);
    const vm = queueViewModel(live({ ...initialState, connection: 'offline' }));
    expect(vm.banner).toBe(OFFLINE_BANNER);
    expect(vm.caption).toBe(HOW_TO_GO_LIVE);
  });

  it('live and connected: the lane figures, buttons enabled', () => {
    const vm = queueViewModel(live(connected));
    expect(vm.figures?.stats.waiting).toBe(9);
    expect(vm.controls).toBe('enabled');
    expect(vm.title).toBe('BullMQ');
    expect(vm.broker).toBe('Redis');
    expect(vm.dim).toBe(false);
    expect(vm.banner).toBeUndefined();
  });

  it('live: the lane’s steady producer, its rate and kind', () => {
    expect(queueViewModel(live(connected)).producer).toBeUndefined();
    const producing = applySnapshot(initialState, snapshot([laneState('bullmq', { producer: { rate: 50, kind: 'sleep', until: 9 } })]));
    expect(queueViewModel(live(producing)).producer).toEqual({ rate: 50, kind: 'sleep' });
  });

  it('live after losing the server: last figures, greyed, disabled, with the banner', () => {
    const vm = queueViewModel(live({ ...connected, connection: 'offline' }));
    expect(vm.figures?.stats.waiting).toBe(9);
    expect(vm.dim).toBe(true);
    expect(vm.controls).toBe('disabled');
    expect(vm.banner).toBe(OFFLINE_BANNER);
  });

  it('lane down: greyed, disabled, with the reason and the command that starts the broker', () => {
    const down = applySnapshot(initialState, snapshot([
      laneState('bullmq', { health: { name: 'bullmq', status: 'down', detail: 'connect ECONNREFUSED 127.0.0.1:6379', hint: 'docker compose up -d redis' } }),
    ]));
    const vm = queueViewModel(live(down));
    expect(vm.health).toBe('down');
    expect(vm.controls).toBe('disabled');
    expect(vm.overlay).toEqual({ title: 'BullMQ is down', detail: 'connect ECONNREFUSED 127.0.0.1:6379', hint: 'docker compose up -d redis' });
  });

  it('a lane the server does not serve says so instead of showing zeros', () => {
    const vm = queueViewModel({ ...live(connected), lane: 'celery' });
    expect(vm.figures).toBeUndefined();
    expect(vm.overlay?.title).toContain('celery');
  });
});

describe('depthFraction', () => {
  it('is empty for an empty queue and full at the largest burst', () => {
    expect(depthFraction(0)).toBe(0);
    expect(depthFraction(MAX_COUNT)).toBe(1);
    expect(depthFraction(MAX_COUNT * 10)).toBe(1);
  });

  it('shows a single job, and grows by the same step per decade', () => {
    expect(depthFraction(1)).toBeGreaterThan(0.05);
    const step = depthFraction(1_000) - depthFraction(100);
    expect(depthFraction(10_000) - depthFraction(1_000)).toBeCloseTo(step, 2);
  });
});
