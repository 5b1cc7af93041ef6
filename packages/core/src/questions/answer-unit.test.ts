import { describe, expect, it } from 'vitest';
import { inUnit, withUnit } from './answer-unit.js';

describe('answer units in sentences', () => {
  it.each([
    ['GiB', ' in GiB', '40 GiB'],
    ['%', ' in %', '21.875 %'],
    // The corpus's plain number: no "in dimensionless", no trailing word.
    ['dimensionless', '', '21.875'],
  ])('%s → "a number%s", "%s"', (unit, phrase, value) => {
    expect(inUnit(unit)).toBe(phrase);
    expect(withUnit(unit === 'GiB' ? '40' : '21.875', unit)).toBe(value);
  });
});
