/**
 * Scaled dot-product attention in plain TypeScript, written to be read:
 * `softmax(Q·Kᵀ / √d + mask) · V` (Vaswani et al. 2017, "Attention Is All You Need", eq. 1),
 * with grouped key/value heads (Ainslie et al. 2023, GQA) and a KV cache.
 *
 * @module
 */

import { toNumbers } from '../../host-tensor.js';
import type { HostTensor, KernelInputs } from '../../kernel-definition.js';
import { type AttentionParams, groupSize, totalTokens } from './attention-params.js';

/**
 * The attention output `[batch, heads, seq, head_dim]` in float64.
 *
 * Inputs: `q [B, heads, seq, D]`, `k`/`v [B, kv_heads, seq, D]` for the new tokens and, when
 * `past > 0`, `past_key`/`past_value [B, kv_heads, past, D]`. Key position `j` is in the cache for
 * `j < past` and among the new tokens after. Causal masking is aligned bottom-right: query `i` is at
 * position `past + i` and sees keys `j ≤ past + i`. Softmax subtracts the row maximum first, so very
 * large logits do not overflow.
 */
export function attentionReference(params: AttentionParams, inputs: KernelInputs): HostTensor {
  const { batch, seq, past, heads, kvHeads, headDim: d, causal } = params;
  const total = totalTokens(params);
  const group = groupSize(params);
  const scale = 1 / Math.sqrt(d);
  const q = values(inputs, 'q');
  const k = values(inputs, 'k');
  const v = values(inputs, 'v');
  const pastK = past > 0 ? values(inputs, 'past_key') : new Float64Array(0);
  const pastV = past > 0 ? values(inputs, 'past_value') : new Float64Array(0);

  /** Offset of key/value row `j` (0 … total−1) of head `g` in its array, and which array. */
  const kvRow = (b: number, g: number, j: number): [Float64Array, Float64Array, number] =>
    j < past
      ? [pastK, pastV, ((b * kvHeads + g) * past + j) * d]
      : [k, v, ((b * kvHeads + g) * seq + (j - past)) * d];

  const out = new Float64Array(batch * heads * seq * d);
  const scores = new Float64Array(total);
  for (let b = 0; b < batch; b++) {
    for (let h = 0; h < heads; h++) {
      const g = Math.floor(h / group); // the key/value head this query head shares
      for (let i = 0; i < seq; i++) {
        const qRow = ((b * heads + h) * seq + i) * d;
        const visible = causal ? past + i + 1 : total; // keys 0 … visible−1
        // 1. scores_j = q·k_j / √d, and their maximum
        let max = Number.NEGATIVE_INFINITY;
        for (let j = 0; j < visible; j++) {
          const [keys, , row] = kvRow(b, g, j);
          let dot = 0;
          for (let x = 0; x < d; x++) dot += q[qRow + x]! * keys[row + x]!;
          scores[j] = dot * scale;
          if (scores[j]! > max) max = scores[j]!;
        }
        // 2. softmax weights p_j = exp(s_j − max) / Σ exp(s − max)
        let sum = 0;
        for (let j = 0; j < visible; j++) {
          scores[j] = Math.exp(scores[j]! - max);
          sum += scores[j]!;
        }
        // 3. output = Σ p_j · v_j
        const outRow = ((b * heads + h) * seq + i) * d;
        for (let j = 0; j < visible; j++) {
          const [, vals, row] = kvRow(b, g, j);
          const p = scores[j]! / sum;
          for (let x = 0; x < d; x++) out[outRow + x]! += p * vals[row + x]!;
        }
      }
    }
  }
  return { dtype: 'float64', dims: [batch, heads, seq, d], data: out };
}

/** An input's values as float64 (float16 bits decoded). */
function values(inputs: KernelInputs, name: string): Float64Array {
  const tensor = inputs[name];
  if (!tensor) throw new Error(`attention: missing input ${name}`);
  return toNumbers(tensor);
}
