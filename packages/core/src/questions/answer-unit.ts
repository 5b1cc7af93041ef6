/**
 * How a numeric answer's unit reads in a sentence. The corpus writes `dimensionless` for a plain
 * number (a ratio, a count); replies then name no unit rather than say "in dimensionless".
 *
 * @module
 */

/** The corpus's unit for a plain number. */
const PLAIN_NUMBER = 'dimensionless';

/** ` in GiB`, to follow "a number" or "answer"; empty for a plain number. */
export function inUnit(unit: string): string {
  return unit === PLAIN_NUMBER ? '' : ` in ${unit}`;
}

/** `40 GiB`: a value with its unit, or the value alone for a plain number. */
export function withUnit(value: string, unit: string): string {
  return unit === PLAIN_NUMBER ? value : `${value} ${unit}`;
}
