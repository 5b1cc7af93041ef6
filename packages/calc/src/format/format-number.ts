/** Bytes in a gibibyte (2^30). */
export const GIB = 1024 ** 3;
/** Bytes in a mebibyte (2^20). */
export const MIB = 1024 ** 2;
/** Bytes in a kibibyte (2^10). */
export const KIB = 1024;
/** Bytes in a gigabyte (10^9), the unit of GPU memory on data sheets and of the ZeRO paper. */
export const GB = 1e9;

/** An integer with thousands separators: `131072` → `131,072`. */
export function formatInt(value: number): string {
  return numberFormat(0).format(Math.round(value));
}

// Intl.NumberFormat instances by fraction digits: `toLocaleString` with options builds a new formatter on
// every call (tens of µs each), which dominated calculator replies; the output is identical.
const FORMATS = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  let format = FORMATS.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    FORMATS.set(decimals, format);
  }
  return format;
}

/**
 * A number to `digits` significant digits without exponent for everyday sizes:
 * `formatSig(40.0000001)` → `40.0`, `formatSig(0.123456)` → `0.123`.
 */
export function formatSig(value: number, digits = 3): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  if (magnitude >= 15 || magnitude < -4) return formatScientific(value, digits);
  return numberFormat(sigDecimals(magnitude, digits)).format(value);
}

/**
 * A number rounded as {@link formatSig} shows it (`33.468` → `33.5`, `1234.6` → `1235`), for comparing
 * values the way a reader of the reply sees them.
 */
export function roundSig(value: number, digits = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  if (magnitude >= 15 || magnitude < -4) return Number(value.toExponential(digits - 1));
  const scale = 10 ** sigDecimals(magnitude, digits);
  return Math.round(value * scale) / scale;
}

/** Decimals {@link formatSig} shows for a value of this order of magnitude: never fewer than 0. */
function sigDecimals(magnitude: number, digits: number): number {
  return Math.max(0, digits - 1 - magnitude);
}

/** Scientific notation as people write it in chat: `5.76e23`. */
export function formatScientific(value: number, digits = 3): string {
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  return `${mantissa}e${Number(exponent)}`;
}

/**
 * Bytes in binary units (KiB, MiB, GiB, TiB, 2^10 steps): `42949672960` → `40.0 GiB`.
 * Values under 1 KiB are shown in bytes.
 */
export function formatBinaryBytes(bytes: number, digits = 3): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${formatInt(value)} B` : `${formatSig(value, digits)} ${units[unit]}`;
}

/** Bytes in decimal units (kB, MB, GB, TB, 10^3 steps): `120e9` → `120 GB`. */
export function formatDecimalBytes(bytes: number, digits = 3): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${formatInt(value)} B` : `${formatSig(value, digits)} ${units[unit]}`;
}

/**
 * A count with a short-scale suffix, as parameter and token counts are written:
 * `70_553_706_496` → `70.6B`, `1.5e12` → `1.50T`, `12_900` → `12.9K`. From 10^15 on, scientific
 * notation (`2.20e16`): no suffix past T is in common use, and SI's Q means 10^30, not 10^15.
 */
export function formatCount(value: number, digits = 3): string {
  if (Math.abs(value) >= 1e15) return formatScientific(value, digits);
  const suffixes: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [scale, suffix] of suffixes) {
    if (Math.abs(value) >= scale) return `${formatSig(value / scale, digits)}${suffix}`;
  }
  return formatSig(value, digits);
}
