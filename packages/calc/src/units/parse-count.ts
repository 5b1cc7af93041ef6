import { checkBounds, NUMBER_CAP } from './parse-number.js';
import { fail, lookup, plain, readQuantity, type ValueKind } from './read-quantity.js';

// Short-scale SI multipliers as parameter, token and FLOP counts are written (70B, 1.5T, 15T tokens).
const SCALE: Record<string, number> = {
  '': 1,
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  b: 1e9,
  bn: 1e9,
  t: 1e12,
  tn: 1e12,
};

/** Wording and bounds for {@link parseCount}. */
export interface CountRule {
  /** What is counted, for messages: `a parameter count`. */
  what?: string;
  example?: string;
  code?: string;
  /** Largest accepted value; default 1e30. */
  max?: number;
  /** Accept 0 (default: the count must be > 0). */
  allowZero?: boolean;
  /**
   * Smallest value accepted when written without a unit. A bare `70` for a parameter count is almost
   * surely 70B, not 70 parameters: below this it is refused with {@link unitHints} as suggestions.
   * Default: any value.
   */
  unitlessMin?: number;
  /** Units suggested for a refused unitless value, most likely first: `['b', 'm']` → "70b, 70m". */
  unitHints?: readonly string[];
}

/**
 * Reads a count (parameters, tokens, FLOPs) with decimal SI suffixes: `70b` → 7e10, `1.5T` → 1.5e12,
 * `405B`, `15t`, `3.8e24`, `6.7e9`. `k` = 10^3, `m` = 10^6, `b`/`bn` = 10^9, `t` = 10^12.
 *
 * @throws UserError for other units, zero (unless allowed), negatives, more than `max`, or a unitless
 *   value below `unitlessMin`.
 */
export function parseCount(raw: string, rule: CountRule = {}): number {
  const kind: ValueKind = {
    code: rule.code ?? 'calc/bad-count',
    what: rule.what ?? 'a count',
    example: rule.example ?? '70b, 1.5T or 3.8e24',
  };
  const text = raw.trim();
  const quantity = readQuantity(text, kind);
  const scale = lookup(SCALE, quantity.unit);
  if (scale === undefined) {
    throw fail(
      kind,
      `"${text}" has an unknown unit "${quantity.rawUnit}" for ${kind.what}; use k, M, B or T (powers of 10).`,
    );
  }
  const unitless = quantity.unit === '' && quantity.value >= 0;
  if (unitless && rule.unitlessMin !== undefined && quantity.value < rule.unitlessMin) {
    throw fail(
      kind,
      `"${text}" has no unit, so it would be read as ${kind.what} of ${plain(quantity.value)}; without a unit it must be at least ${plain(rule.unitlessMin)}. Add a unit: k, M, B or T (powers of 10).`,
      (rule.unitHints ?? []).map((unit) => `${text}${unit}`),
    );
  }
  return checkBounds(
    quantity.value * scale,
    text,
    {
      min: 0,
      minExclusive: !(rule.allowZero ?? false),
      max: rule.max ?? NUMBER_CAP,
    },
    kind,
  );
}
