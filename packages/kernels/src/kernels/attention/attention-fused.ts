/**
 * Attention as one fused onnxruntime op, three ways:
 * - ONNX opset-23 `Attention` (onnx/docs/Operators.md#Attention): 4-D `[B, heads, S, D]` inputs,
 *   GQA by head counts, `is_causal`, past key/value;
 * - `com.microsoft.GroupQueryAttention` (onnxruntime docs/ContribOperators.md): `[B, S, heads·D]`
 *   queries and new keys/values, a `[B, kv_heads, past, D]` cache, always causal;
 * - `com.microsoft.MultiHeadAttention` (same document): `[B, S, heads·D]`, `unidirectional` for
 *   causal, a `[B, heads, past, D]` cache; needs `kv_heads = heads`.
 *
 * The contrib ops want token-major `[B, S, heads·D]` tensors, so their graphs start with Transpose +
 * Reshape of the new tokens and end by turning the output back to `[B, heads, S, D]`. These touch
 * only the new tokens (O(S·heads·D)), never the cache, and keep every implementation on the same
 * inputs.
 *
 * @module
 */

import {
  type KernelGraph,
  type KernelInputs,
  type KernelUnavailable,
  toKernelGraph,
} from '../../kernel-definition.js';
import { attr, createGraphBuilder, type GraphBuilder } from '../../onnx/graph-builder.js';
import { type AttentionParams, totalTokens } from './attention-params.js';

/** opset-23 `Attention` on the `[B, heads, S, D]` inputs as they are. */
export function buildAttention23(params: AttentionParams, inputs: KernelInputs): KernelGraph {
  const { batch: B, seq: S, past: P, heads: H, kvHeads: KV, headDim: D } = params;
  const g = createGraphBuilder({ name: 'attention-opset23', opset: 23 });
  const q = g.input('q', params.dtype, [B, H, S, D]);
  const k = g.input('k', params.dtype, [B, KV, S, D]);
  const v = g.input('v', params.dtype, [B, KV, S, D]);
  const past =
    P > 0
      ? [g.input('past_key', params.dtype, [B, KV, P, D]), g.input('past_value', params.dtype, [B, KV, P, D])]
      : [];
  // Inputs: Q, K, V, attn_mask (none), past_key, past_value. With a cache onnxruntime 1.30 insists
  // on the present_key/present_value outputs ("does not support past_key provided and present_key
  // being null"), so they are named even though only Y is fetched.
  const [y] = g.nodeOutputs(
    'Attention',
    past.length > 0 ? [q, k, v, '', ...past] : [q, k, v],
    past.length > 0 ? 3 : 1,
    { is_causal: params.causal ? 1 : 0, scale: attr.float(1 / Math.sqrt(D)) },
    { outputs: past.length > 0 ? ['y', 'present_key', 'present_value'] : ['y'] },
  );
  g.output(y!, params.dtype, [B, H, S, D]);
  return toKernelGraph(g, pick(inputs, P > 0), y!);
}

/** `com.microsoft.GroupQueryAttention`: causal only, head_dim divisible by 8. */
export function buildGroupQueryAttention(
  params: AttentionParams,
  inputs: KernelInputs,
): KernelGraph | KernelUnavailable {
  if (!params.causal) return { unavailable: 'GroupQueryAttention is always causal.' };
  // Both limits are onnxruntime 1.30 CPU errors, met when running the op.
  if (params.headDim % 8 !== 0) return { unavailable: 'GroupQueryAttention needs head_dim divisible by 8.' };
  if (params.batch > 1 && params.seq > 1 && params.past > 0) {
    return { unavailable: 'GroupQueryAttention needs batch=1 when several new tokens meet a cache.' };
  }
  const { batch: B, seq: S, past: P, heads: H, kvHeads: KV, headDim: D } = params;
  const T = totalTokens(params);
  const g = createGraphBuilder({ name: 'attention-gqa' });
  const q = tokenMajor(g, g.input('q', params.dtype, [B, H, S, D]), [B, S, H * D]);
  const k = tokenMajor(g, g.input('k', params.dtype, [B, KV, S, D]), [B, S, KV * D]);
  const v = tokenMajor(g, g.input('v', params.dtype, [B, KV, S, D]), [B, S, KV * D]);
  const pastKey = P > 0 ? g.input('past_key', params.dtype, [B, KV, P, D]) : '';
  const pastValue = P > 0 ? g.input('past_value', params.dtype, [B, KV, P, D]) : '';
  // seqlens_k is the index of each sequence's last key (total − 1), not a count (ContribOperators.md).
  const seqlensK = g.constant('seqlens_k', 'int32', [B], new Array<number>(B).fill(T - 1));
  const totalLength = g.constant('total_sequence_length', 'int32', [], [T]);
  const [out] = g.nodeOutputs(
    'GroupQueryAttention',
    [q, k, v, pastKey, pastValue, seqlensK, totalLength],
    3,
    { num_heads: H, kv_num_heads: KV, scale: attr.float(1 / Math.sqrt(D)) },
    { domain: 'com.microsoft', outputs: ['gqa_out', 'present_key', 'present_value'] },
  );
  const y = headMajor(g, out!, [B, S, H, D]);
  g.output(y, params.dtype, [B, H, S, D]);
  return toKernelGraph(g, pick(inputs, P > 0), y);
}

/** `com.microsoft.MultiHeadAttention`: one key/value head per query head. */
export function buildMultiHeadAttention(
  params: AttentionParams,
  inputs: KernelInputs,
): KernelGraph | KernelUnavailable {
  if (params.kvHeads !== params.heads) {
    return { unavailable: 'MultiHeadAttention needs kv_heads = heads (no grouped key/value heads).' };
  }
  const { batch: B, seq: S, past: P, heads: H, headDim: D } = params;
  const g = createGraphBuilder({ name: 'attention-mha' });
  const q = tokenMajor(g, g.input('q', params.dtype, [B, H, S, D]), [B, S, H * D]);
  const k = tokenMajor(g, g.input('k', params.dtype, [B, H, S, D]), [B, S, H * D]);
  const v = tokenMajor(g, g.input('v', params.dtype, [B, H, S, D]), [B, S, H * D]);
  // Inputs: query, key, value, bias, key_padding_mask, attention_bias, past_key, past_value.
  const past =
    P > 0
      ? [
          '',
          '',
          '',
          g.input('past_key', params.dtype, [B, H, P, D]),
          g.input('past_value', params.dtype, [B, H, P, D]),
        ]
      : [];
  const [out] = g.nodeOutputs(
    'MultiHeadAttention',
    [q, k, v, ...past],
    P > 0 ? 3 : 1,
    { num_heads: H, unidirectional: params.causal ? 1 : 0, scale: attr.float(1 / Math.sqrt(D)) },
    { domain: 'com.microsoft' },
  );
  const y = headMajor(g, out!, [B, S, H, D]);
  g.output(y, params.dtype, [B, H, S, D]);
  return toKernelGraph(g, pick(inputs, P > 0), y);
}

/** `[B, heads, S, D]` → `[B, S, heads·D]`. */
function tokenMajor(g: GraphBuilder, x: string, shape: number[]): string {
  const transposed = g.node('Transpose', [x], { perm: [0, 2, 1, 3] });
  return g.node('Reshape', [transposed, g.constant(`${x}_token_major`, 'int64', [3], shape)]);
}

/** `[B, S, heads·D]` → `[B, heads, S, D]` (the output named `y`). */
function headMajor(g: GraphBuilder, x: string, split: number[]): string {
  const unpacked = g.node('Reshape', [x, g.constant('head_split', 'int64', [4], split)]);
  return g.node('Transpose', [unpacked], { perm: [0, 2, 1, 3] }, { outputs: ['y'] });
}

function pick(inputs: KernelInputs, withPast: boolean): KernelInputs {
  const feeds: KernelInputs = { q: inputs.q!, k: inputs.k!, v: inputs.v! };
  if (withPast) {
    feeds.past_key = inputs.past_key!;
    feeds.past_value = inputs.past_value!;
  }
  return feeds;
}
