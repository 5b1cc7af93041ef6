/**
 * LayerNorm and RMSNorm in plain TypeScript, written to be read, over the last axis of `[rows, hidden]`.
 *
 * - LayerNorm (Ba, Kiros & Hinton 2016, "Layer Normalization", eq. 4):
 *   `y = (x − μ) / √(σ² + ε) · γ + β`, with μ the mean and σ² the biased (÷ n) variance of the row,
 *   ε inside the square root (as PyTorch `nn.LayerNorm` and ONNX `LayerNormalization`).
 * - RMSNorm (Zhang & Sennrich 2019, "Root Mean Square Layer Normalization", eq. 4):
 *   `y = x / √(mean(x²) + ε) · γ` — no mean subtraction, no bias (Llama's `LlamaRMSNorm`).
 *
 * @module
 */

/** Shapes and epsilon of a normalisation over the last axis. */
export interface NormShape {
  rows: number;
  hidden: number;
  /** Added to the variance (LayerNorm) or mean square (RMSNorm) inside the square root. */
  epsilon: number;
}

/**
 * LayerNorm of each row (float64).
 * @param beta - Shift `[hidden]`, or `null` for none.
 */
export function layerNormRows(
  x: ArrayLike<number>,
  gamma: ArrayLike<number>,
  beta: ArrayLike<number> | null,
  shape: NormShape,
): Float64Array {
  const { rows, hidden, epsilon } = shape;
  const out = new Float64Array(rows * hidden);
  for (let r = 0; r < rows; r++) {
    const start = r * hidden;
    let mean = 0;
    for (let i = 0; i < hidden; i++) mean += x[start + i]!;
    mean /= hidden;
    let variance = 0;
    for (let i = 0; i < hidden; i++) variance += (x[start + i]! - mean) ** 2;
    variance /= hidden;
    const inverseStd = 1 / Math.sqrt(variance + epsilon);
    for (let i = 0; i < hidden; i++) {
      out[start + i] = (x[start + i]! - mean) * inverseStd * gamma[i]! + (beta ? beta[i]! : 0);
    }
  }
  return out;
}

/** RMSNorm of each row (float64). */
export function rmsNormRows(x: ArrayLike<number>, gamma: ArrayLike<number>, shape: NormShape): Float64Array {
  const { rows, hidden, epsilon } = shape;
  const out = new Float64Array(rows * hidden);
  for (let r = 0; r < rows; r++) {
    const start = r * hidden;
    let meanSquare = 0;
    for (let i = 0; i < hidden; i++) meanSquare += x[start + i]! ** 2;
    meanSquare /= hidden;
    const inverseRms = 1 / Math.sqrt(meanSquare + epsilon);
    for (let i = 0; i < hidden; i++) out[start + i] = x[start + i]! * inverseRms * gamma[i]!;
  }
  return out;
}
