import { describe, expect, it } from 'vitest';
import { bestMachine } from './machine-baseline.js';

describe('bestMachine', () => {
  it('keeps the higher of each ceiling, whichever measurement it came from', () => {
    // MatMul 182 then 304 GFLOP/s: the first run of session 4's bench started while the machine was busy.
    const before = { matmulGflops: 182, copyGBps: 30.8, passGBps: 8.7, returnGBps: 7.7 };
    const after = { matmulGflops: 304, copyGBps: 29.1, passGBps: 10.3, returnGBps: 6.1 };
    expect(bestMachine(before, after)).toEqual({
      matmulGflops: 304,
      copyGBps: 30.8,
      passGBps: 10.3,
      returnGBps: 7.7,
    });
  });
});
