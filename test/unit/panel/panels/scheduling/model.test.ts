import { describe, expect, it } from 'vitest';
import { schedulerRows } from '../../../../../slides/panel/panels/scheduling/model.ts';

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
    // The tick 20 s ago is off the 15 s axis.
    expect(rows[0]!.ticks).toEqual([-1, 0]);
    expect(rows[0]).toMatchObject({ action: 'pause', stats: '3 ticks · every 1.00 s (max 1.04 s)' });
    expect(rows[1]).toMatchObject({ action: 'start', stats: '4 sent, none run', note: 'Dramatiq worker not running. Start one' });
    expect(rows[2]).toMatchObject({ status: 'stopped', action: undefined });
  });
});
