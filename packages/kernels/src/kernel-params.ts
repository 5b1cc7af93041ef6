/**
 * Parsers for kernel params: raw text → typed value, or a `UserError` naming the param, its allowed
 * range and a right example. Kernels call these from their `parse`.
 *
 * @module
 */

import { UserError } from '@mlsys/errors';

/** Bounds of an integer or number param (inclusive unless `minExclusive`). */
export interface Range {
  min: number;
  max: number;
  /** `min` itself is not allowed (p > 0, say). */
  minExclusive?: boolean;
  /** A typical right value for error messages; without it they show the nearest allowed bound. */
  example?: number;
}

/**
 * An integer within `[min, max]`; accepts `512`, `2k` (×1,024, as in "2k tokens"), `1_024` and
 * integers in exponent notation (`1e3`). A negative or huge integer is reported as out of range.
 * @throws UserError when not an integer or out of range.
 */
export function parseIntegerParam(name: string, raw: string, range: Range): number {
  const text = raw.trim().toLowerCase().replaceAll('_', '');
  const withK = /^(-?\d+)k$/.exec(text);
  const value = withK ? Number(withK[1]) * 1024 : text === '' ? Number.NaN : Number(text);
  if (!Number.isInteger(value)) {
    throw new UserError('kernels/bad-integer', `${name} must be a whole number; got "${raw}".`, {
      example: `${name}=${typicalValue(range)}`,
    });
  }
  checkRange(name, value, range);
  return value;
}

/**
 * A finite number within `[min, max]`.
 * @throws UserError when not a number or out of range.
 */
export function parseNumberParam(name: string, raw: string, range: Range): number {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) {
    throw new UserError('kernels/bad-number', `${name} must be a number; got "${raw}".`, {
      example: `${name}=${typicalValue(range)}`,
    });
  }
  checkRange(name, value, range);
  return value;
}

/**
 * `true`/`false` (also `yes`/`no`, `1`/`0`, `on`/`off`).
 * @throws UserError for anything else.
 */
export function parseBooleanParam(name: string, raw: string): boolean {
  const text = raw.trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(text)) return true;
  if (['false', 'no', '0', 'off'].includes(text)) return false;
  throw new UserError('kernels/bad-boolean', `${name} must be true or false; got "${raw}".`, {
    example: `${name}=true`,
  });
}

/**
 * A comma-separated list of finite numbers (`2,1,0.5`, optionally in `[…]`), 1 to `maxLength` long.
 * @throws UserError naming the first bad entry or the length cap.
 */
export function parseNumberListParam(name: string, raw: string, maxLength: number): number[] {
  const text = raw.trim().replace(/^\[/, '').replace(/\]$/, '');
  const parts = text.split(',').map((part) => part.trim());
  if (text === '' || parts.length > maxLength) {
    throw new UserError(
      'kernels/bad-list',
      `${name} must list 1 to ${maxLength} numbers separated by commas; got ${text === '' ? 'none' : parts.length}.`,
      { example: `${name}=2,1,0.5,0.1` },
    );
  }
  return parts.map((part) => {
    const value = part === '' ? Number.NaN : Number(part);
    if (!Number.isFinite(value)) {
      throw new UserError('kernels/bad-list', `${name} has "${part}", which is not a finite number.`, {
        example: `${name}=2,1,0.5,0.1`,
      });
    }
    return value;
  });
}

/**
 * One of `choices` (case-insensitive).
 * @throws UserError listing the choices.
 */
export function parseChoiceParam<const C extends string>(
  name: string,
  raw: string,
  choices: readonly C[],
): C {
  const text = raw.trim().toLowerCase();
  const found = choices.find((choice) => choice === text);
  if (found === undefined) {
    throw new UserError('kernels/bad-choice', `${name} must be one of ${choices.join(', ')}; got "${raw}".`, {
      example: `${name}=${choices[0]}`,
    });
  }
  return found;
}

/** The raw text of a param that must be present (callers fill defaults first). */
export function requireArg(args: Readonly<Record<string, string>>, name: string, example: string): string {
  const value = args[name];
  if (value === undefined) {
    throw new UserError('kernels/missing-param', `Missing ${name}.`, { example: `${name}=${example}` });
  }
  return value;
}

function checkRange(name: string, value: number, range: Range): void {
  const below = range.minExclusive ? value <= range.min : value < range.min;
  if (!below && value <= range.max) return;
  const allowed = range.minExclusive
    ? `greater than ${range.min} and at most ${range.max}`
    : `between ${range.min} and ${range.max}`;
  throw new UserError('kernels/out-of-range', `${name} must be ${allowed}; got ${value}.`, {
    example: `${name}=${below ? typicalValue(range) : range.max}`,
  });
}

/** The value error messages suggest: the range's example, else its lower bound (upper if that is excluded). */
function typicalValue(range: Range): number {
  return range.example ?? (range.minExclusive ? range.max : range.min);
}
