import { fail, plain, readQuantity, type ValueKind } from './read-quantity.js';

/** Bounds and wording for {@link parseNumber}. */
export interface NumberRule {
  /** What the value is, in words, for messages: `the batch size`. */
  what?: string;
  /** A right value shown after an error. */
  example?: string;
  /** Stable error code; `calc/bad-number` by default. */
  code?: string;
  /** Smallest value accepted (inclusive); `0` by default. */
  min?: number;
  /** When true, `min` itself is refused (x > min). */
  minExclusive?: boolean;
  /** Largest value accepted (inclusive); `1e30` by default. */
  max?: number;
  /** Only whole numbers. */
  integer?: boolean;
}

/** The largest magnitude any number parser accepts: 1e30 (FLOP budgets reach ~1e27). */
export const NUMBER_CAP = 1e30;

/**
 * Reads a plain number (`8`, `0.6`, `1e-3`, `131,072`) with bounds. No unit word is allowed.
 *
 * @throws UserError naming the text when it is not a number, has a unit, is not finite, is out of
 *   bounds, or is not whole where a whole number is needed.
 */
export function parseNumber(raw: string, rule: NumberRule = {}): number {
  const kind = kindOf(rule, 'a number', '8');
  const quantity = readQuantity(raw, kind);
  if (quantity.unit !== '') {
    throw fail(
      kind,
      `"${raw.trim()}" should be a plain number for ${kind.what}, without "${quantity.rawUnit}".`,
    );
  }
  return checkBounds(quantity.value, raw.trim(), rule, kind);
}

/**
 * Reads a whole number ≥ 1 (batch size, GPU count, parallel degree), at most `max` (default 1,000,000).
 *
 * @throws UserError for zero, negatives, fractions, units or values above `max`.
 */
export function parsePositiveInt(raw: string, rule: Omit<NumberRule, 'integer' | 'min'> = {}): number {
  return parseNumber(raw, {
    max: 1_000_000,
    ...rule,
    min: 1,
    integer: true,
    code: rule.code ?? 'calc/bad-integer',
  });
}

/** Wording and edge rules for {@link parseFraction}. */
export interface FractionRule {
  what?: string;
  example?: string;
  code?: string;
  /** Accept exactly 0 (default: no, 0 < x). */
  allowZero?: boolean;
  /** Accept exactly 1 (default: yes, x ≤ 1). */
  allowOne?: boolean;
}

/**
 * Reads a fraction in (0, 1] written as a decimal (`0.8`, `.8`) or a percentage (`80%`).
 *
 * @throws UserError for values outside the range, other units, or text that is not a number.
 */
export function parseFraction(raw: string, rule: FractionRule = {}): number {
  const kind = kindOf(rule, 'a fraction', '0.8 or 80%');
  const text = raw.trim();
  const quantity = readQuantity(text, kind);
  if (quantity.unit !== '' && quantity.unit !== '%') {
    throw fail(kind, `"${text}" should be a fraction such as 0.8 or 80%, not "${quantity.rawUnit}".`);
  }
  const value = quantity.unit === '%' ? quantity.value / 100 : quantity.value;
  const allowZero = rule.allowZero ?? false;
  const allowOne = rule.allowOne ?? true;
  const tooLow = allowZero ? value < 0 : value <= 0;
  const tooHigh = allowOne ? value > 1 : value >= 1;
  if (tooLow || tooHigh) {
    const range = `${allowZero ? '0 ≤' : '0 <'} x ${allowOne ? '≤' : '<'} 1`;
    throw fail(kind, `"${text}" is outside ${range} for ${kind.what}.`);
  }
  return value;
}

/** Checks a parsed value against a rule's bounds; shared by the unit parsers. */
export function checkBounds(value: number, text: string, rule: NumberRule, kind: ValueKind): number {
  const min = rule.min ?? 0;
  const max = Math.min(rule.max ?? NUMBER_CAP, NUMBER_CAP);
  if (!Number.isFinite(value)) throw fail(kind, `"${text}" is not a finite number.`);
  if (value < 0 && min >= 0) {
    const allowed = min === 0 && !rule.minExclusive ? '0 or more' : 'positive';
    throw fail(kind, `"${text}" is negative; ${kind.what} must be ${allowed}.`);
  }
  if (rule.minExclusive ? value <= min : value < min) {
    throw fail(
      kind,
      `"${text}" is too small for ${kind.what}: it must be ${rule.minExclusive ? 'above' : 'at least'} ${plain(min)}.`,
    );
  }
  if (value > max) throw fail(kind, `"${text}" is too large for ${kind.what}: the limit is ${plain(max)}.`);
  if (rule.integer && !Number.isInteger(value))
    throw fail(kind, `"${text}" is not a whole number; ${kind.what} must be one.`);
  return value;
}

function kindOf(
  rule: { what?: string; example?: string; code?: string },
  what: string,
  example: string,
): ValueKind {
  return { code: rule.code ?? 'calc/bad-number', what: rule.what ?? what, example: rule.example ?? example };
}
