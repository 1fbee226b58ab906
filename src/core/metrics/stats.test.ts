import { describe, expect, it } from 'vitest';
import { median, percentile, share } from './stats.ts';

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([4, 1, 3, 2], 90)).toBeCloseTo(3.7);
    expect(percentile([10, 20], 50)).toBe(15);
    expect(percentile([7], 90)).toBe(7);
  });
  it('median of odd and even counts, undefined when empty', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
  it('the 0th and 100th percentiles are the extremes', () => {
    expect(percentile([3, 9, 1], 0)).toBe(1);
    expect(percentile([3, 9, 1], 100)).toBe(9);
  });
});

describe('share', () => {
  it('is met / due, undefined when nothing was due', () => {
    expect(share(3, 4)).toBe(0.75);
    expect(share(0, 0)).toBeUndefined();
  });
});
