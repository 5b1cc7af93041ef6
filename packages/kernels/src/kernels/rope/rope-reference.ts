/**
 * Rotary position embedding (RoPE) in plain TypeScript, written to be read (Su et al. 2021,
 * "RoFormer: Enhanced Transformer with Rotary Position Embedding", §3.2.2 and §3.4.2).
 *
 * Pair `i` (0 ≤ i < d/2) of a `d`-element head vector at position `m` is rotated by the angle
 * `m·θ_i`, `θ_i = base^(−2i/d)` (the paper's `10000^(−2(i−1)/d)` with i counted from 1; base 10000):
 *
 *     a' = a·cos(mθ_i) − b·sin(mθ_i)
 *     b' = a·sin(mθ_i) + b·cos(mθ_i)
 *
 * Which two elements form pair `i` is the one real difference between implementations:
 * - `interleaved`: `(x[2i], x[2i+1])` — the paper's layout, GPT-J, ONNX `interleaved = 1`;
 * - `half`: `(x[i], x[i + d/2])` — GPT-NeoX and Hugging Face Llama (`rotate_half`), ONNX `interleaved = 0`.
 * A checkpoint trained with one layout gives wrong attention scores if run with the other.
 *
 * @module
 */

/** Which elements form each rotated pair. */
export type RopeStyle = 'interleaved' | 'half';

/** The rotation frequencies `θ_i = base^(−2i/d)`, i = 0 … d/2 − 1 (radians per position). */
export function ropeFrequencies(headDim: number, base: number): Float64Array {
  if (headDim % 2 !== 0 || headDim < 2) throw new RangeError(`head_dim must be even and ≥ 2; got ${headDim}`);
  return Float64Array.from({ length: headDim / 2 }, (_, i) => base ** ((-2 * i) / headDim));
}

/** The element indices of pair `i` of a `d`-element vector in `style`. */
export function ropePair(style: RopeStyle, i: number, headDim: number): [number, number] {
  return style === 'interleaved' ? [2 * i, 2 * i + 1] : [i, i + headDim / 2];
}

/**
 * One head vector rotated to `position` (float64).
 * @throws RangeError when the length is odd.
 */
export function applyRope(
  vector: ArrayLike<number>,
  position: number,
  style: RopeStyle,
  base: number,
): Float64Array {
  const d = vector.length;
  const theta = ropeFrequencies(d, base);
  const out = new Float64Array(d);
  for (let i = 0; i < d / 2; i++) {
    const [ia, ib] = ropePair(style, i, d);
    const angle = position * theta[i]!;
    const a = vector[ia]!;
    const b = vector[ib]!;
    out[ia] = a * Math.cos(angle) - b * Math.sin(angle);
    out[ib] = a * Math.sin(angle) + b * Math.cos(angle);
  }
  return out;
}

/** Shape of a RoPE call: `x [1, heads, seq, head_dim]`, token `t` at position `start + t`. */
export interface RopeShape {
  heads: number;
  seq: number;
  headDim: number;
  start: number;
  style: RopeStyle;
  base: number;
}

/** Every head vector of `x [1, heads, seq, head_dim]` rotated to its position (float64). */
export function ropeRows(x: ArrayLike<number>, shape: RopeShape): Float64Array {
  const { heads, seq, headDim: d } = shape;
  const out = new Float64Array(heads * seq * d);
  const vector = new Float64Array(d);
  for (let h = 0; h < heads; h++) {
    for (let t = 0; t < seq; t++) {
      const offset = (h * seq + t) * d;
      for (let j = 0; j < d; j++) vector[j] = x[offset + j]!;
      out.set(applyRope(vector, shape.start + t, shape.style, shape.base), offset);
    }
  }
  return out;
}
