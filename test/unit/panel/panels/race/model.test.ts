import { describe, expect, it } from 'vitest';
import type { LaneName, LaneRun, LaneState } from '../../../../../demo-server/src/protocol/index.ts';
import { CONNECTING, HOW_TO_GO_LIVE, MIRROR_NOTE, OFFLINE_BANNER } from '../../../../../slides/panel/captions.ts';
import { raceViewModel } from '../../../../../slides/panel/panels/race/model.ts';
import type { Recording } from '../../../../../slides/panel/recording.ts';
import { applySnapshot, initialState, type StoreState } from '../../../../../slides/panel/store.ts';
import { laneState, snapshot } from '../../fixtures.ts';

const lanes: LaneName[] = ['memory', 'bullmq', 'rabbitmq'];
const START = 1_000_000;
const run = (finishedAfter: number | null, count = 1_000): LaneRun => ({
  id: 'r1',
  kind: 'noop',
  count,
  startedAt: START,
  finishedAt: finishedAfter === null ? null : START + finishedAfter,
});
const stats = (completed: number, waiting = 0) => ({ waiting, active: 0, completed, failed: 0, retried: 0 });
const label = (name: LaneName) => ({ memory: 'In-memory', bullmq: 'BullMQ', rabbitmq: 'RabbitMQ', celery: 'Celery', dramatiq: 'Dramatiq' })[name];

const worker = { id: 'w1', host: 'h', pid: 1, concurrency: 8, lastSeen: START };

function lane(name: LaneName, overrides: Partial<LaneState> = {}): LaneState {
  const base = laneState(name, { workers: [worker], ...overrides });
  return { ...base, capabilities: { ...base.capabilities, label: label(name) } };
}

function connected(states: LaneState[], serverTime = START + 500): StoreState {
  return applySnapshot(initialState, { ...snapshot(states), serverTime });
}

const live = (store: StoreState) => raceViewModel({ mode: 'live', lanes, recording: undefined, store, series: undefined });

describe('raceViewModel, live', () => {
  it('before any race: every lane idle, the race buttons on, a line that says what a race is', () => {
    const vm = live(connected(lanes.map((name) => lane(name))));
    expect(vm.lanes.map((l) => l.status)).toEqual(['idle', 'idle', 'idle']);
    expect(vm.controls).toBe('enabled');
    expect(vm.startable).toEqual(lanes);
    expect(vm.winner).toBeUndefined();
    expect(vm.headline).toContain('same burst');
  });

  it('sits out a lane no worker consumes, with why and how to start one, and races the others', () => {
    const hint = 'Start one: `docker compose up -d dramatiq-worker`';
    const idle = lane('rabbitmq', { workers: [], health: { name: 'rabbitmq', status: 'up', detail: 'No worker is consuming', hint } });
    const vm = live(connected([lane('memory'), lane('bullmq'), idle]));
    expect(vm.lanes[2]).toMatchObject({ status: 'down', problem: { title: 'RabbitMQ: no worker', detail: 'No worker is consuming', hint } });
    expect(vm.startable).toEqual(['memory', 'bullmq']);
  });

  it('keeps showing a lane that lost its worker during the race it runs', () => {
    const vm = live(connected([lane('memory', { run: run(null) }), lane('bullmq', { run: run(null) }), lane('rabbitmq', { workers: [], run: run(null) })]));
    expect(vm.lanes[2]!.status).toBe('running');
  });

  it('while running: elapsed time on the server clock, progress, and places as lanes finish', () => {
    const vm = live(
      connected([
        lane('memory', { stats: stats(1_000), run: run(200) }),
        lane('bullmq', { stats: stats(250, 750), run: run(null) }),
        lane('rabbitmq', { stats: stats(500, 500), run: run(null) }),
      ]),
    );
    const [memory, bullmq] = vm.lanes;
    expect(memory).toMatchObject({ status: 'finished', elapsedMs: 200, place: 1, progress: 1 });
    expect(bullmq).toMatchObject({ status: 'running', elapsedMs: 500, progress: 0.25, place: undefined });
    expect(vm.winner).toBeUndefined();
    expect(vm.headline).toBe('1,000 noop jobs through each lane at once…');
  });

  it('names the winner once every racing lane finished', () => {
    const vm = live(
      connected([
        lane('memory', { stats: stats(1_000), run: run(200) }),
        lane('bullmq', { stats: stats(1_000), run: run(3_000) }),
        lane('rabbitmq', { stats: stats(1_000), run: run(1_500) }),
      ]),
    );
    expect(vm.lanes.map((l) => l.place)).toEqual([1, 3, 2]);
    expect(vm.winner).toBe('Winner: In-memory, 1,000 jobs in 0.20 s');
  });

  it('greys a lane that is down, with the command that starts its broker, and races without it', () => {
    const health = { name: 'bullmq' as const, status: 'down' as const, detail: 'ECONNREFUSED', hint: 'docker compose up -d redis' };
    const vm = live(connected([lane('memory'), lane('bullmq', { health }), lane('rabbitmq')]));
    expect(vm.lanes[1]).toMatchObject({ status: 'down', problem: { title: 'BullMQ is down', hint: 'docker compose up -d redis' } });
    expect(vm.startable).toEqual(['memory', 'rabbitmq']);
  });

  it('shows a lane missing from the server as absent instead of failing', () => {
    const vm = raceViewModel({ mode: 'live', lanes: ['memory', 'celery'], recording: undefined, store: connected([lane('memory')]), series: undefined });
    expect(vm.lanes[1]).toMatchObject({ name: 'celery', status: 'absent', problem: { title: 'celery: not on this demo server' } });
    expect(vm.startable).toEqual(['memory']);
  });

  it('offline after a connection: last figures greyed, buttons off, the banner', () => {
    const vm = live({ ...connected(lanes.map((name) => lane(name))), connection: 'offline' });
    expect(vm).toMatchObject({ dim: true, controls: 'disabled', banner: OFFLINE_BANNER, startable: [] });
  });

  it('takes the chart of the race on screen only', () => {
    const store = connected([lane('memory', { run: run(null) })]);
    const series = { raceId: 'r1', t: [0.1], lanes: new Map([['memory' as LaneName, [500]]]) };
    const vm = raceViewModel({ mode: 'live', lanes, recording: undefined, store, series });
    expect(vm.chart?.ys[0]).toEqual([500]);
    expect(vm.chart?.ys[1]?.every(Number.isNaN)).toBe(true);
    expect(raceViewModel({ mode: 'live', lanes, recording: undefined, store, series: { ...series, raceId: 'old' } }).chart).toBeUndefined();
  });
});

describe('raceViewModel, from a recording', () => {
  const recording: Recording = {
    panel: 'race',
    recordedAt: '2025-11-25T12:03:00Z',
    lanes: {
      memory: { stats: stats(20_000), throughput: 0, latency: { p50: 3, p99: 9 }, capabilities: lane('memory').capabilities, run: run(1_900, 20_000) },
      bullmq: { stats: stats(20_000), throughput: 0, latency: { p50: 40, p99: 90 }, run: run(9_000, 20_000) },
    },
    chart: { t: [0.5, 1], lanes: { memory: [9_000, 11_000], bullmq: [1_000, null] } },
  };

  it('static: recorded figures, the winner, the chart, the date and how to go live', () => {
    const vm = raceViewModel({ mode: 'static', lanes, recording, store: undefined, series: undefined });
    expect(vm.lanes[0]).toMatchObject({ label: 'In-memory', status: 'finished', elapsedMs: 1_900, place: 1 });
    expect(vm.lanes[2]).toMatchObject({ status: 'absent', problem: { title: 'rabbitmq: not in this recording' } });
    expect(vm.winner).toBe('Winner: In-memory, 20,000 jobs in 1.90 s');
    expect(vm.chart?.ys[1]).toEqual([1_000, Number.NaN]);
    expect(vm.controls).toBe('hidden');
    expect(vm.caption).toContain('recorded 2025-11-25 12:03 UTC');
    expect(vm.caption).toContain(HOW_TO_GO_LIVE);
  });

  it('mirror: the recording with the note that the demo runs in the main view', () => {
    expect(raceViewModel({ mode: 'mirror', lanes, recording, store: undefined, series: undefined }).caption).toContain(MIRROR_NOTE);
  });

  it('mirror with the live window’s state: the live race, read-only', () => {
    const store = connected([lane('memory', { stats: stats(1_000), run: run(200) })]);
    const vm = raceViewModel({ mode: 'mirror', lanes, recording, store, series: undefined });
    expect(vm.lanes[0]).toMatchObject({ status: 'finished', elapsedMs: 200 });
    expect(vm).toMatchObject({ controls: 'hidden', startable: [], caption: MIRROR_NOTE });
  });

  it('static without a recording: dashes and how to go live, never an empty box', () => {
    const vm = raceViewModel({ mode: 'static', lanes, recording: undefined, store: undefined, series: undefined });
    expect(vm.lanes.map((l) => l.status)).toEqual(['idle', 'idle', 'idle']);
    expect(vm.caption).toBe(HOW_TO_GO_LIVE);
  });

  it('live before the first snapshot: the recording, then the banner once the server proves unreachable', () => {
    expect(raceViewModel({ mode: 'live', lanes, recording, store: initialState, series: undefined }).caption).toContain(CONNECTING);
    const offline = raceViewModel({ mode: 'live', lanes, recording, store: { ...initialState, connection: 'offline' }, series: undefined });
    expect(offline.banner).toBe(OFFLINE_BANNER);
    expect(offline.winner).toContain('In-memory');
  });
});
