import { describe, expect, it } from 'vitest';
import { decades, every } from '../../../../slides/panel/chart/chart.ts';

describe('chart gridlines', () => {
  it('fall on every step within the range, on round values however the steps add up', () => {
    expect(every(5)(-15, 0)).toEqual([-15, -10, -5, 0]);
    expect(every(0.5)(0, 2.2)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(every(0.1)(0, 0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(every(10)(3, 25)).toEqual([10, 20]);
  });

  it('on a log axis, at 0 and each power of ten up to the top', () => {
    expect(decades(0, 12_345)).toEqual([0, 10, 100, 1_000, 10_000]);
    expect(decades(0, 5)).toEqual([0]);
  });
});
