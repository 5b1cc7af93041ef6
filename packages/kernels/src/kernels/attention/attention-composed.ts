/**
 * Attention composed of primitive ONNX ops, the way the textbook writes it:
 * `Softmax(MatMul(Q, Kᵀ) · 1/√d + mask) · V` (Vaswani et al. 2017, eq. 1).
 *
 * Query heads that share a key/value head (GQA, Ainslie et al. 2023) are stacked as rows,
 * `[B, kv_heads, group·S, D]`, so one matrix product per key/value head serves the whole group and
 * reads each key and value once (the "repeat_kv" copy is never made). With a KV cache the cache is
 * read in place: scores against the cached keys and against the new keys are concatenated, and the
 * weights are split again before multiplying by the cached and the new values. The causal mask is a
 * graph input (0 where visible, −∞ where not): a large constant mask would slow session creation
 * (onnxruntime.md).
 *
 * @module
 */

import { hostTensor } from '../../host-tensor.js';
import {
  type HostTensor,
  type KernelGraph,
  type KernelInputs,
  toKernelGraph,
} from '../../kernel-definition.js';
import { createGraphBuilder } from '../../onnx/graph-builder.js';
import { type AttentionDtype, type AttentionParams, groupSize, totalTokens } from './attention-params.js';

/** Builds the composed graph and its feeds (the inputs plus the causal mask). */
export function buildComposedAttention(params: AttentionParams, inputs: KernelInputs): KernelGraph {
  const { batch: B, seq: S, past: P, heads: H, kvHeads: KV, headDim: D, causal, dtype } = params;
  const G = groupSize(params);
  const T = totalTokens(params);
  const g = createGraphBuilder({ name: 'attention-composed' });
  const shape = (name: string, dims: number[]) => g.constant(name, 'int64', [dims.length], dims);

  const q = g.input('q', dtype, [B, H, S, D]);
  const k = g.input('k', dtype, [B, KV, S, D]);
  const v = g.input('v', dtype, [B, KV, S, D]);
  const scale = g.constant('scale', dtype, [], [1 / Math.sqrt(D)]);

  // The query heads that share a key/value head, stacked as rows: [B, KV, G·S, D]. One matrix
  // product per key/value head then serves its whole group, reading each key and value once.
  const qStacked = g.node('Reshape', [q, shape('stacked_shape', [B, KV, G * S, D])]);
  const keysT = (keys: string) => g.node('Transpose', [keys], { perm: [0, 1, 3, 2] });

  // scores = Q·Kᵀ / √d: [B, KV, G·S, T]
  let scores: string;
  let pastKey = '';
  let pastValue = '';
  if (P === 0) {
    scores = g.node('MatMul', [qStacked, keysT(k)]);
  } else {
    pastKey = g.input('past_key', dtype, [B, KV, P, D]);
    pastValue = g.input('past_value', dtype, [B, KV, P, D]);
    const cached = g.node('MatMul', [qStacked, keysT(pastKey)]);
    const fresh = g.node('MatMul', [qStacked, keysT(k)]);
    scores = g.node('Concat', [cached, fresh], { axis: -1 });
  }
  let logits = g.node('Mul', [scores, scale]);
  // + mask: viewed as [B, KV, G, S, T] so the [S, T] mask broadcasts over the group
  if (causal) {
    const perQuery = g.node('Reshape', [logits, shape('grouped_shape', [B, KV, G, S, T])]);
    const masked = g.node('Add', [perQuery, g.input('mask', dtype, [S, T])]);
    logits = g.node('Reshape', [masked, shape('stacked_scores', [B, KV, G * S, T])]);
  }
  // weights = softmax over the key axis
  const weights = g.node('Softmax', [logits], { axis: -1 });

  // out = weights·V: [B, KV, G·S, D] → [B, H, S, D]
  let out: string;
  if (P === 0) {
    out = g.node('MatMul', [weights, v]);
  } else {
    const [wCached, wFresh] = g.nodeOutputs('Split', [weights, shape('split_sizes', [P, S])], 2, {
      axis: -1,
    });
    out = g.node('Add', [g.node('MatMul', [wCached!, pastValue]), g.node('MatMul', [wFresh!, v])]);
  }
  const y = g.node('Reshape', [out, shape('output_shape', [B, H, S, D])], {}, { outputs: ['y'] });
  g.output(y, dtype, [B, H, S, D]);

  const feeds: KernelInputs = { q: inputs.q!, k: inputs.k!, v: inputs.v! };
  if (P > 0) {
    feeds.past_key = inputs.past_key!;
    feeds.past_value = inputs.past_value!;
  }
  if (causal) feeds.mask = causalMask(S, P, dtype);
  return toKernelGraph(g, feeds, y);
}

/**
 * The additive causal mask `[seq, past + seq]`: 0 where query `i` may see key `j` (`j ≤ past + i`,
 * bottom-right alignment), −∞ elsewhere.
 */
export function causalMask(seq: number, past: number, dtype: AttentionDtype = 'float32'): HostTensor {
  const total = past + seq;
  const data = dtype === 'float16' ? new Uint16Array(seq * total) : new Float32Array(seq * total);
  const minusInfinity = dtype === 'float16' ? FLOAT16_MINUS_INFINITY : Number.NEGATIVE_INFINITY;
  for (let i = 0; i < seq; i++) data.fill(minusInfinity, i * total + past + i + 1, (i + 1) * total);
  return hostTensor(dtype, [seq, total], data);
}

/** −∞ in IEEE 754 binary16: sign 1, exponent all ones, fraction 0. */
const FLOAT16_MINUS_INFINITY = 0xfc00;
