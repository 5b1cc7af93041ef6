import { UserError } from '@mlsys/errors';

/** The longest value text a parser reads; anything longer is refused before any work. */
export const MAX_VALUE_TEXT = 48;

/** A number and the unit word written after it, as read from one value of user input. */
export interface Quantity {
  /** The number before the unit (`1.5` in `1.5T`), finite and ≥ 0 unless a minus sign was written. */
  value: number;
  /** The unit word after the number, lower-cased and without spaces (`t`, `gib`, `%`, or ``). */
  unit: string;
  /** The unit word as the user wrote it (`GiB`). */
  rawUnit: string;
}

/** What a parser tells {@link readQuantity} about the value it wants, for error messages. */
export interface ValueKind {
  /** Stable error code, e.g. `calc/bad-context-length`. */
  code: string;
  /** What the value is, in words: `a context length`. */
  what: string;
  /** A right value, e.g. `128k`. */
  example: string;
}

// digits: "131072", "131,072" (groups of three), "1_000"; then ".5"; then "e24"; then a unit word.
const QUANTITY = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+(?:_\d+)*)?(?:\.(\d+))?(?:e([+-]?\d{1,3}))?\s*([a-z%]*)$/i;

/**
 * Reads `<number><unit>` from user text: digits with optional `,` groups or `_`, a decimal part, an
 * exponent (`3.8e24`) and a unit word (`k`, `GiB`, `%`). No expression is evaluated.
 *
 * @throws UserError (code from `kind`) when the text is empty, too long, not of that shape, or the number
 *   is not finite.
 */
export function readQuantity(raw: string, kind: ValueKind): Quantity {
  const text = raw.trim();
  if (text.length === 0) throw fail(kind, `${kind.what} is missing.`);
  if (text.length > MAX_VALUE_TEXT) {
    throw fail(
      kind,
      `"${shorten(text)}" is too long to be ${kind.what} (at most ${MAX_VALUE_TEXT} characters).`,
    );
  }
  const match = QUANTITY.exec(text);
  const whole = match?.[2];
  const fraction = match?.[3];
  if (!match || (whole === undefined && fraction === undefined)) {
    throw fail(kind, `Could not read "${text}" as ${kind.what}.`);
  }
  const mantissa = `${(whole ?? '0').replace(/[,_]/g, '')}.${fraction ?? '0'}`;
  const magnitude = Number(`${mantissa}e${match[4] ?? '0'}`);
  if (!Number.isFinite(magnitude)) throw fail(kind, `"${text}" is too large for ${kind.what}.`);
  const rawUnit = match[5] ?? '';
  return { value: match[1] === '-' ? -magnitude : magnitude, unit: rawUnit.toLowerCase(), rawUnit };
}

/** A {@link UserError} for a bad value of `kind`, carrying its example. */
export function fail(kind: ValueKind, message: string, suggestions?: readonly string[]): UserError {
  return new UserError(kind.code, message, {
    example: kind.example,
    ...(suggestions === undefined ? {} : { suggestions }),
  });
}

/** Text cut to a length that is safe to quote back in a message. */
export function shorten(text: string, max = 24): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** Formats a number for an error message without exponent noise (`1e+21` → `1e21`). */
export function plain(value: number): string {
  return Math.abs(value) >= 1e15 ? value.toExponential().replace('e+', 'e') : value.toLocaleString('en-US');
}

/** `record[key]` only when `key` is the record's own property (never `constructor` or `__proto__`). */
export function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
