import { isUserError } from '@mlsys/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareValues } from './host-tensor.js';
import {
  parseBooleanParam,
  parseIntegerParam,
  parseNumberListParam,
  parseNumberParam,
} from './kernel-params.js';

describe('parseIntegerParam', () => {
  it.each([
    ['512', 512],
    ['2k', 2048], // "k" = ×1,024, as token counts are written (2k context = 2,048 tokens)
    ['1_024', 1024],
  ])('%s → %d', (raw, value) => {
    expect(parseIntegerParam('seq', raw, { min: 1, max: 8192 })).toBe(value);
  });

  it.each(['0', '9000', '1.5', 'abc', '', '-3'])('rejects %j with a UserError naming the param', (raw) => {
    try {
      parseIntegerParam('seq', raw, { min: 1, max: 8192 });
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error)).toBe(true);
      expect((error as Error).message).toMatch(/^seq /);
    }
  });

  it.each([
    ['-1', 'seq must be between 1 and 8192; got -1.', 'seq=512'],
    ['1e9', 'seq must be between 1 and 8192; got 1000000000.', 'seq=8192'],
    ['9k', 'seq must be between 1 and 8192; got 9216.', 'seq=8192'],
    ['2.5', 'seq must be a whole number; got "2.5".', 'seq=512'],
    ['lots', 'seq must be a whole number; got "lots".', 'seq=512'],
  ])('%j: says what is wrong (%s) and gives a typical right value (%s)', (raw, message, example) => {
    const error = catchError(() => parseIntegerParam('seq', raw, { min: 1, max: 8192, example: 512 }));
    expect(error).toMatchObject({ message, example });
  });

  it('reads integers in exponent notation: 1e3 = 1,000', () => {
    expect(parseIntegerParam('seq', '1e3', { min: 1, max: 8192 })).toBe(1000);
  });

  it('accepts exactly the integers of its range (fast-check, seed 7)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 10_000 }), (n) => {
        const ok = n >= 1 && n <= 8192;
        const parse = () => parseIntegerParam('seq', String(n), { min: 1, max: 8192 });
        if (ok) expect(parse()).toBe(n);
        else expect(parse).toThrow();
      }),
      { seed: 7 },
    );
  });
});

describe('parseNumberParam with an excluded lower bound (p > 0)', () => {
  const range = { min: 0, minExclusive: true, max: 1, example: 0.9 };
  it.each([
    ['0', 'p must be greater than 0 and at most 1; got 0.', 'p=0.9'],
    ['1.5', 'p must be greater than 0 and at most 1; got 1.5.', 'p=1'],
    ['half', 'p must be a number; got "half".', 'p=0.9'],
  ])('%j → %s (example %s)', (raw, message, example) => {
    expect(catchError(() => parseNumberParam('p', raw, range))).toMatchObject({ message, example });
  });

  it('accepts the smallest positive double and 1', () => {
    expect(parseNumberParam('p', '5e-324', range)).toBe(Number.MIN_VALUE);
    expect(parseNumberParam('p', '1', range)).toBe(1);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(isUserError(error)).toBe(true);
    return error;
  }
  return expect.unreachable();
}

describe('other params', () => {
  it('reads booleans and number lists', () => {
    expect(parseBooleanParam('causal', 'yes')).toBe(true);
    expect(parseBooleanParam('causal', 'False')).toBe(false);
    expect(() => parseBooleanParam('causal', 'maybe')).toThrow(/causal must be true or false/);
    expect(parseNumberListParam('logits', '[2, 1,0.5,-0.1]', 8)).toEqual([2, 1, 0.5, -0.1]);
    expect(() => parseNumberListParam('logits', '1,,2', 8)).toThrow(/not a finite number/);
    expect(() => parseNumberListParam('logits', '1,2,3', 2)).toThrow(/1 to 2 numbers/);
  });
});

describe('compareValues (numpy.allclose semantics)', () => {
  it.each([
    [[1, 2], [1, 2.00001], true, 1e-5],
    [[1, 2], [1, 2.1], false, 0.1],
    [[Number.POSITIVE_INFINITY], [Number.POSITIVE_INFINITY], true, 0],
    [[Number.NaN], [Number.NaN], true, 0],
    [[Number.NaN], [1], false, Number.NaN],
  ])('%j vs %j → within %s, max err %d', (actual, expected, within, maxErr) => {
    const result = compareValues(actual, expected, { atol: 1e-5, rtol: 1e-5 });
    expect(result.withinTolerance).toBe(within);
    if (Number.isNaN(maxErr)) expect(result.maxAbsErr).toBeNaN();
    else expect(result.maxAbsErr).toBeCloseTo(maxErr, 9);
  });
});
