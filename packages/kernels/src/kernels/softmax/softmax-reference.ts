/**
 * Softmax with temperature in plain TypeScript, written to be read:
 * `p_i = exp(z_i / T) / Σ_j exp(z_j / T)` (Hinton, Vinyals & Dean 2015, "Distilling the Knowledge in
 * a Neural Network", §2), computed as `exp((z_i − max z) / T)` so that no exponent overflows.
 *
 * @module
 */

/**
 * One row of probabilities from logits at temperature `T` (float64).
 *
 * - The maximum is subtracted BEFORE dividing by `T`: `(z_i − max)/T ≤ 0`, so `exp` never overflows
 *   and logits of 1e30 give no NaN.
 * - `T = 0` returns the limit `T → 0⁺`: all mass on the largest logit (greedy decoding), split equally
 *   between exactly tied maxima.
 *
 * @param logits - Finite logits of one row (any length ≥ 1).
 * @param temperature - `T ≥ 0`; `T > 1` flattens, `T < 1` sharpens the distribution.
 * @returns Probabilities that sum to 1.
 * @throws RangeError for an empty row, a negative or non-finite temperature.
 */
export function softmaxWithTemperature(logits: ArrayLike<number>, temperature: number): Float64Array {
  if (logits.length === 0) throw new RangeError('softmax of an empty row');
  if (!(temperature >= 0) || !Number.isFinite(temperature)) {
    throw new RangeError(`temperature must be finite and ≥ 0; got ${temperature}`);
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const out = new Float64Array(logits.length);
  if (temperature === 0) {
    // Limit T → 0⁺: exp((z_i − max)/T) → 1 for the maxima and → 0 for the rest.
    let ties = 0;
    for (let i = 0; i < logits.length; i++) if (logits[i] === max) ties++;
    for (let i = 0; i < logits.length; i++) out[i] = logits[i] === max ? 1 / ties : 0;
    return out;
  }
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp((logits[i]! - max) / temperature);
    sum += out[i]!;
  }
  for (let i = 0; i < logits.length; i++) out[i] = out[i]! / sum;
  return out;
}

/**
 * Row-wise softmax of a `[rows, cols]` row-major matrix at temperature `T` (float64).
 * @throws RangeError when `data` does not hold `rows·cols` values, or as {@link softmaxWithTemperature}.
 */
export function softmaxRows(
  data: ArrayLike<number>,
  rows: number,
  cols: number,
  temperature: number,
): Float64Array {
  if (data.length !== rows * cols) throw new RangeError(`${data.length} values for ${rows}×${cols}`);
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const row = new Float64Array(cols);
    for (let c = 0; c < cols; c++) row[c] = data[r * cols + c]!;
    out.set(softmaxWithTemperature(row, temperature), r * cols);
  }
  return out;
}
