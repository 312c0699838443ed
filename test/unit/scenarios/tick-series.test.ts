import { describe, expect, it } from 'vitest';
import { MAX_TICKS } from '../../../demo-server/src/protocol/demos/scheduling.ts';
import { TickSeries } from '../../../demo-server/src/scenarios/scheduling/tick-series.ts';
import { schedulerRows } from '../../../slides/panel/panels/scheduling/model.ts';

describe('a series of ticks', () => {
  it('measures the gaps between ticks as median and maximum, and keeps a bounded list of ticks', () => {
    const series = new TickSeries();
    [0, 1_000, 2_010, 2_990, 4_200].forEach((at) => series.add(at));
    expect(series.view()).toMatchObject({ count: 5, intervalP50: 1_000, intervalMax: 1_210 });
    for (let i = 0; i < 100; i++) series.add(5_000 + i * 1_000);
    expect(series.view().ticks).toHaveLength(MAX_TICKS);
    expect(series.view().count).toBe(105);
  });

  it('does not count a pause as jitter', () => {
    const series = new TickSeries();
    series.add(0);
    series.add(1_000);
    series.paused();
    series.add(9_000);
    series.add(10_000);
    expect(series.view()).toMatchObject({ intervalP50: 1_000, intervalMax: 1_000 });
  });
});

describe('the scheduling panel model', () => {
  it('places ticks on the axis from now backwards and says what the row button does', () => {
    const base = { note: null, hint: null, everyMs: 1_000, unrun: 0, intervalP50: 1_000, intervalMax: 1_040 };
    const rows = schedulerRows(
      {
        schedulers: [
          { ...base, name: 'celery', status: 'running', ticks: [80_000, 99_000, 100_000], count: 3 },
          { ...base, name: 'dramatiq', status: 'stopped', ticks: [], count: 0, unrun: 4, note: 'Dramatiq worker not running', hint: 'Start one' },
        ],
      },
      ['celery', 'dramatiq', 'bullmq'],
      100_000,
    );
    expect(rows[0]!.marks.map((x) => x.toFixed(3))).toEqual(['0.933', '1.000']);
    expect(rows[0]).toMatchObject({ action: 'pause', stats: '3 ticks · every 1.00 s (max 1.04 s)' });
    expect(rows[1]).toMatchObject({ action: 'start', stats: '4 sent, none run', note: 'Dramatiq worker not running. Start one' });
    expect(rows[2]).toMatchObject({ status: 'stopped', action: undefined });
  });
});
