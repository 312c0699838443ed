import { describe, expect, it } from 'vitest';
import type { LaneName, LaneRun } from '../../../../../demo-server/src/protocol/index.ts';
import { MAX_SAMPLES, RaceHistory, TAIL_MS } from '../../../../../slides/panel/panels/race/history.ts';
import { applySnapshot, initialState, type StoreState } from '../../../../../slides/panel/store.ts';
import { laneState, snapshot } from '../../fixtures.ts';

const START = 1_000_000;
const run = (finishedAt: number | null = null, id = 'r1'): LaneRun => ({ id, kind: 'noop', count: 1_000, startedAt: START, finishedAt });

/** The store as it is `ms` after the start, with each lane's ended jobs and run. */
function at(ms: number, lanes: Partial<Record<LaneName, { ended: number; run?: LaneRun }>>): StoreState {
  const states = Object.entries(lanes).map(([name, lane]) =>
    laneState(name as LaneName, { stats: { waiting: 0, active: 0, completed: lane!.ended, failed: 0, retried: 0 }, run: lane!.run }),
  );
  return applySnapshot(initialState, { ...snapshot(states), serverTime: START + ms });
}

describe('RaceHistory', () => {
  it('has nothing before any race', () => {
    const history = new RaceHistory();
    expect(history.observe(at(100, { memory: { ended: 5 } }))).toBe(false);
    expect(history.series()).toBeUndefined();
  });

  it('samples jobs/s over a short window, in seconds since the start', () => {
    const history = new RaceHistory();
    history.observe(at(200, { memory: { ended: 100, run: run() } }));
    history.observe(at(500, { memory: { ended: 400, run: run() } }));
    history.observe(at(1_000, { memory: { ended: 900, run: run() } }));
    const series = history.series()!;
    expect(series.t).toEqual([0.2, 0.5, 1]);
    // 100 jobs in the first 0.2 s; 400 since the start at 0.5 s; 500 in the 0.5 s before 1 s.
    expect(series.lanes.get('memory')!.map((y) => Math.round(y))).toEqual([500, 800, 1_000]);
  });

  it('drops to zero after a lane finishes, and stops sampling after the tail', () => {
    const history = new RaceHistory();
    history.observe(at(100, { memory: { ended: 1_000, run: run(START + 100) } }));
    history.observe(at(700, { memory: { ended: 1_000, run: run(START + 100) } }));
    expect(history.series()!.lanes.get('memory')!.at(-1)).toBe(0);
    expect(history.observe(at(100 + TAIL_MS + 50, { memory: { ended: 1_000, run: run(START + 100) } }))).toBe(false);
  });

  it('drops a lane to zero one window after it finished, even when the server said nothing in between', () => {
    const history = new RaceHistory();
    history.observe(at(100, { memory: { ended: 900, run: run() }, bullmq: { ended: 10, run: run() } }));
    // Nothing arrives until 1 s; memory finished at 0.15 s, BullMQ is still running.
    history.observe(at(1_000, { memory: { ended: 1_000, run: run(START + 150) }, bullmq: { ended: 60, run: run() } }));
    const { t, lanes } = history.series()!;
    expect(t).toEqual([0.1, 0.65, 1]);
    expect(lanes.get('memory')).toEqual([9_000, 0, 0]);
    expect(lanes.get('bullmq')![1]).toBeNaN();
    // BullMQ's rate passes over the sample it has no value at: 50 jobs in the 0.9 s since 0.1 s.
    expect(lanes.get('bullmq')![2]).toBeCloseTo((60 - 10) / 0.9);
  });

  it('starts afresh on a new race and forgets the old one on a reset', () => {
    const history = new RaceHistory();
    history.observe(at(100, { memory: { ended: 10, run: run() } }));
    history.observe(at(200, { memory: { ended: 10, run: run(null, 'r2') } }));
    expect(history.series()).toMatchObject({ raceId: 'r2', t: [0.2] });
    expect(history.observe(at(300, { memory: { ended: 0 } }))).toBe(true);
    expect(history.series()).toBeUndefined();
  });

  it('keeps a long race within bounds, first and last samples kept', () => {
    const history = new RaceHistory();
    for (let i = 1; i <= MAX_SAMPLES * 3; i += 1) history.observe(at(i * 50, { memory: { ended: i, run: run() } }));
    const { t } = history.series()!;
    expect(t.length).toBeLessThanOrEqual(MAX_SAMPLES);
    expect(t[0]).toBe(0.05);
    expect(t.at(-1)).toBe(MAX_SAMPLES * 3 * 0.05);
  });
});
