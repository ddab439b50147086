import { describe, expect, it } from 'vitest';
import { yRange } from './chart-range';

const series = (...values: (number | null)[]) => [{ values }];
const threshold = (value: number) => ({ label: 't', value, tone: 'danger' as const });

describe('yRange', () => {
  it('starts at zero and leaves headroom above the highest value', () => {
    expect(yRange(series(2, 4, null, 10), [], { zero: true })).toEqual([0, 11]);
  });

  it('keeps a threshold above the data in view', () => {
    expect(yRange(series(100, 150), [threshold(2000)], { zero: true })).toEqual([0, 2200]);
  });

  it('clamps to the unit (percentages never pass 100) and closes in on availability', () => {
    expect(yRange(series(99, 100), [threshold(99.5)], { floor: 90, ceiling: 100 })).toEqual([98.9, 100]);
    expect(yRange(series(0, 12), [threshold(5)], { zero: true, floor: 0, ceiling: 100 })).toEqual([0, 13.2]);
    expect(yRange(series(88, 100), [threshold(95)], { floor: 0, ceiling: 100 })).toEqual([86.8, 100]);
  });

  it('gives a usable range with no data, or flat data', () => {
    expect(yRange(series(null, null), [])).toEqual([0, 1]);
    expect(yRange(series(0, 0), [])).toEqual([0, 0.1]);
  });
});
