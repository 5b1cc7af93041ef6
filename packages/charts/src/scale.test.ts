import { describe, expect, it } from 'vitest';
import { createScale, formatTick, niceTicks } from './scale.js';

describe('scales', () => {
  it.each([
    [0, 100, 6, [0, 20, 40, 60, 80, 100]],
    [0, 337, 8, [0, 50, 100, 150, 200, 250, 300]],
    [0, 1, 5, [0, 0.25, 0.5, 0.75, 1]],
  ])('nice ticks over [%d, %d] with at most %d', (lo, hi, max, ticks) => {
    expect(niceTicks(lo, hi, max)).toEqual(ticks);
  });

  it('puts log2 ticks at powers of two and maps them evenly', () => {
    const scale = createScale('log2', [1024, 131072], [0, 700]);
    expect(scale.ticks).toEqual([1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072]);
    expect(scale.toPixel(1024)).toBe(0);
    expect(scale.toPixel(131072)).toBe(700);
    expect(scale.toPixel(8192)).toBeCloseTo(300);
  });

  it.each([
    [131072, { label: 'Context', unit: 'tokens', scale: 'log2' as const }, '128k'],
    [1048576, { label: 'Context', unit: 'tokens', scale: 'log2' as const }, '1M'],
    [1500, { label: 'Steps', unit: '' }, '1.5K'],
    [7e10, { label: 'Parameters', unit: '' }, '70B'],
    [3.8e24, { label: 'Compute', unit: 'FLOPs' }, '3.8e24'],
    [1e24, { label: 'Compute', unit: 'FLOPs' }, '1e24'],
    [0.25, { label: 'Bubble', unit: '' }, '0.25'],
  ])('formats tick %d', (value, axis, text) => {
    expect(formatTick(value, axis)).toBe(text);
  });
});
