/**
 * One row of Hoffmann et al. 2022, Table 3: the compute-optimal budget for a model size,
 * projected with Approach 1.
 */
export interface Table3Row {
  /** Parameters. */
  params: number;
  /** Training FLOPs, as printed. */
  flops: number;
  /** Training tokens, as printed (rounded to 3 significant digits). */
  tokens: number;
}

/**
 * Hoffmann et al. 2022 (arXiv:2203.15556), Table 3, "Estimated optimal training FLOPs and training
 * tokens for various model sizes" (Approach 1), verbatim. Note: the 67B row prints 1.5T tokens although
 * 5.76e23 / (6 · 67e9) = 1.43e12; every other row satisfies `tokens ≈ flops / (6 · params)`.
 */
export const CHINCHILLA_TABLE3: readonly Table3Row[] = [
  { params: 400e6, flops: 1.92e19, tokens: 8.0e9 },
  { params: 1e9, flops: 1.21e20, tokens: 20.2e9 },
  { params: 10e9, flops: 1.23e22, tokens: 205.1e9 },
  { params: 67e9, flops: 5.76e23, tokens: 1.5e12 },
  { params: 175e9, flops: 3.85e24, tokens: 3.7e12 },
  { params: 280e9, flops: 9.9e24, tokens: 5.9e12 },
  { params: 520e9, flops: 3.43e25, tokens: 11.0e12 },
  { params: 1e12, flops: 1.27e26, tokens: 21.2e12 },
  { params: 10e12, flops: 1.3e28, tokens: 216.2e12 },
];

const LOG_N = CHINCHILLA_TABLE3.map((row) => Math.log(row.params));
const LOG_C = CHINCHILLA_TABLE3.map((row) => Math.log(row.flops));

/**
 * Compute-optimal budget for `params` parameters from Table 3, interpolated linearly in log N – log C
 * between rows (the table is a power law, Approach 1: N_opt ∝ C^0.50) and extended with the end
 * segments' slopes outside 400M–10T. Tokens are `C / (6N)`.
 *
 * @returns FLOPs and tokens; exact at the table's rows.
 */
export function table3ForParams(params: number): { flops: number; tokens: number } {
  const flops = Math.exp(interpolate(LOG_N, LOG_C, Math.log(params)));
  return { flops, tokens: flops / (6 * params) };
}

/** The two Table 3 rows whose segment is used for `value` (parameters, or FLOPs when `by` is `flops`). */
export function table3Segment(value: number, by: 'params' | 'flops'): [Table3Row, Table3Row] {
  const xs = by === 'params' ? LOG_N : LOG_C;
  const i = segmentIndex(xs, Math.log(value));
  return [CHINCHILLA_TABLE3[i]!, CHINCHILLA_TABLE3[i + 1]!];
}

/**
 * Compute-optimal parameters for a budget of `flops` FLOPs from Table 3 (the inverse of
 * {@link table3ForParams}); tokens are `C / (6N)`.
 */
export function table3ForCompute(flops: number): { params: number; tokens: number } {
  const params = Math.exp(interpolate(LOG_C, LOG_N, Math.log(flops)));
  return { params, tokens: flops / (6 * params) };
}

/** Piecewise-linear interpolation of `ys` over increasing `xs`, extrapolating with the end segments. */
function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  const i = segmentIndex(xs, x);
  const x0 = xs[i]!;
  const x1 = xs[i + 1]!;
  const y0 = ys[i]!;
  const y1 = ys[i + 1]!;
  return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

/** Index of the segment [xs[i], xs[i+1]] holding x; the end segments beyond the range. */
function segmentIndex(xs: readonly number[], x: number): number {
  let i = 0;
  while (i < xs.length - 2 && x > xs[i + 1]!) i++;
  return i;
}
