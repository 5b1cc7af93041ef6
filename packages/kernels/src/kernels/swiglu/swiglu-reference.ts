/**
 * The SwiGLU feed-forward block in plain TypeScript, written to be read:
 * `y = (SiLU(x·W_gate) ⊙ (x·W_up)) · W_down` (Shazeer 2020, "GLU Variants Improve Transformer", §2,
 * FFN_SwiGLU with Swish β = 1, i.e. SiLU), the MLP of Llama, Mistral and Qwen.
 * `SiLU(z) = z·σ(z)` (Elfwing, Uchibe & Doya 2018; Ramachandran, Zoph & Le 2017 "Swish").
 *
 * @module
 */

/** Shapes: `x [tokens, hidden]`, `W_gate`, `W_up [hidden, ffn]`, `W_down [ffn, hidden]`. */
export interface SwigluShape {
  tokens: number;
  hidden: number;
  ffn: number;
}

/** `z·σ(z)`, written to avoid overflow of `exp(−z)` for very negative z. */
export function silu(z: number): number {
  return z >= 0 ? z / (1 + Math.exp(-z)) : (z * Math.exp(z)) / (1 + Math.exp(z));
}

/** `a [m, k] · b [k, n]` in float64. */
function matmul(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p]!;
      if (aip === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j]! += aip * b[p * n + j]!;
    }
  }
  return out;
}

/** The SwiGLU block output `[tokens, hidden]` (float64). */
export function swigluReference(
  x: ArrayLike<number>,
  wGate: ArrayLike<number>,
  wUp: ArrayLike<number>,
  wDown: ArrayLike<number>,
  shape: SwigluShape,
): Float64Array {
  const { tokens, hidden, ffn } = shape;
  const gate = matmul(x, wGate, tokens, hidden, ffn);
  const up = matmul(x, wUp, tokens, hidden, ffn);
  const inner = gate.map((g, i) => silu(g) * up[i]!);
  return matmul(inner, wDown, tokens, ffn, hidden);
}
