import { describe, expect, it } from 'vitest';
import { MAX_TICKS } from '../../../demo-server/src/protocol/demos/scheduling.ts';
import { TickSeries } from '../../../demo-server/src/scenarios/scheduling/tick-series.ts';

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
