import { describe, expect, it } from 'vitest';
import type { WebApiRequest, WebApiState } from '../../../../../demo-server/src/protocol/index.ts';
import { HOW_TO_GO_LIVE, MIRROR_NOTE } from '../../../../../slides/panel/captions.ts';
import { niceScale, percentile, webApiViewModel } from '../../../../../slides/panel/panels/web-api/model.ts';
import type { Recording } from '../../../../../slides/panel/recording.ts';
import { applySnapshot, initialState, type StoreState } from '../../../../../slides/panel/store.ts';
import { snapshot } from '../../fixtures.ts';

const START = 1_000_000;
const request = (variant: 'async' | 'sync', overrides: Partial<WebApiRequest> = {}): WebApiRequest => ({
  variant,
  sentMs: 0,
  answeredMs: variant === 'async' ? 20 : 1_560,
  jobStartedMs: 40,
  jobFinishedMs: 1_550,
  ...overrides,
});
const state = (timelines: WebApiRequest[], done = true): WebApiState => ({
  job: { label: 'send the welcome email', ms: 1_500 },
  round: { id: 'r1', lane: 'rabbitmq', requests: timelines.length / 2, startedAt: START, done, timelines },
});
const connected = (demo: WebApiState | undefined, serverTime = START + 500): StoreState => ({
  ...applySnapshot(initialState, { ...snapshot([]), serverTime }),
  demos: demo ? { 'web-api': demo } : {},
});

describe('the web-API panel model', () => {
  it('sums up each variant: the median and slowest answer of its requests', () => {
    const demo = state([
      request('async', { answeredMs: 10 }),
      request('sync', { answeredMs: 1_600 }),
      request('async', { answeredMs: 30 }),
      request('sync', { answeredMs: 3_200, jobStartedMs: 1_600, jobFinishedMs: 3_150 }),
    ]);
    const vm = webApiViewModel({ mode: 'live', recording: undefined, store: connected(demo) });
    const [background, inRequest] = vm.variants;
    expect(background).toMatchObject({ variant: 'async', p50: 10, slowest: 30, summary: 'answer p50 10 ms · slowest 30 ms' });
    expect(inRequest).toMatchObject({ variant: 'sync', p50: 1_600, slowest: 3_200 });
    expect(vm.scaleMs).toBe(3_500);
    expect(vm.controls).toBe('enabled');
    expect(vm.lane).toBe('rabbitmq');
  });

  it('grows the bars of a running round up to the server clock and disables the buttons', () => {
    const demo = state([request('async'), request('sync', { answeredMs: null, jobFinishedMs: null })], false);
    const vm = webApiViewModel({ mode: 'live', recording: undefined, store: connected(demo), serverNow: START + 900 });
    const sync = vm.variants[1]!.rows[0]!;
    expect(sync).toMatchObject({ answered: false, answeredMs: 900, jobStartMs: 40, jobEndMs: 900, jobDone: false });
    expect(vm.running).toBe(true);
    expect(vm.controls).toBe('disabled');
    expect(vm.variants[1]!.summary).toBe('–');
  });

  it('shows the recorded round in an export, with how to go live, and never buttons', () => {
    const recording: Recording = { panel: 'web-api', recordedAt: '2026-11-25T15:00:00Z', lanes: {}, demos: { 'web-api': state([request('async'), request('sync')]) } };
    const vm = webApiViewModel({ mode: 'static', recording, store: undefined });
    expect(vm.controls).toBe('hidden');
    expect(vm.caption).toBe(`Run recorded 2026-11-25 15:00 UTC. ${HOW_TO_GO_LIVE}`);
    expect(vm.variants[0]!.rows).toHaveLength(1);
    expect(webApiViewModel({ mode: 'mirror', recording, store: connected(state([])) }).caption).toBe(MIRROR_NOTE);
  });

  it('counts failed requests apart from the answered ones', () => {
    const demo = state([request('async'), request('sync', { answeredMs: 30_000, jobStartedMs: null, jobFinishedMs: null, error: 'gave up' })]);
    const vm = webApiViewModel({ mode: 'live', recording: undefined, store: connected(demo) });
    expect(vm.variants[1]!.summary).toBe('1 failed');
  });

  it('takes nearest-rank percentiles and rounds the scale up to half seconds', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(percentile([5, 1, 3, 2], 50)).toBe(2);
    expect(percentile([5, 1, 3], 100)).toBe(5);
    expect(niceScale(1_800)).toBe(2_000);
    expect(niceScale(10)).toBe(500);
  });
});
