import { describe, expect, it } from 'vitest';
import { percentile } from './percentile.js';

describe('percentile (nearest rank)', () => {
  // Wikipedia "Percentile", nearest-rank method, worked example: {15, 20, 35, 40, 50}.
  it.each([
    [0.05, 15],
    [0.3, 20],
    [0.4, 20],
    [0.5, 35],
    [1, 50],
  ])('the %f-quantile of 15, 20, 35, 40, 50 is %d', (q, expected) => {
    expect(percentile([15, 20, 35, 40, 50], q)).toBe(expected);
  });

  it('takes the 99th of 100 samples as the 99th smallest, and NaN of none', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(hundred, 0.99), percentile(hundred, 0.5)]).toEqual([99, 50]);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
