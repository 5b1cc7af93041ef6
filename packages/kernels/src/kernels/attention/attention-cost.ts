/**
 * FLOPs, bytes and memory of attention, as formulas with their sources.
 *
 * @module
 */

import type { MemoryNote } from '../../kernel-definition.js';
import { type AttentionParams, ELEMENT_BYTES, totalTokens, unmaskedPairs } from './attention-params.js';

/**
 * Useful FLOPs: the two matrix products `Q·Kᵀ` and `P·V` over unmasked (query, key) pairs only,
 * 2 FLOPs per multiply-add: `4 · B · heads · D · pairs`. This is the count FlashAttention-2
 * (Dao 2023, §4.1) uses, `4·N²·d` per head, halved for causal masking; softmax and scaling
 * (O(pairs), not O(pairs·D)) are left out.
 */
export function attentionFlops(params: AttentionParams): number {
  return 4 * params.batch * params.heads * params.headDim * unmaskedPairs(params);
}

/**
 * Bytes a perfect kernel moves: read Q, read every key and value once (cache and new), write the
 * output: `e · (2·B·heads·S·D + 2·B·kv_heads·T·D)` with `e` bytes per element (4 float32, 2 float16).
 */
export function attentionBytes(params: AttentionParams): number {
  const { batch: B, seq: S, heads: H, kvHeads: KV, headDim: D } = params;
  return ELEMENT_BYTES[params.dtype] * (2 * B * H * S * D + 2 * B * KV * totalTokens(params) * D);
}

/** Bytes of one `[B, heads, S, T]` score matrix in the kernel's element type. */
export function scoreMatrixBytes(params: AttentionParams): number {
  return ELEMENT_BYTES[params.dtype] * params.batch * params.heads * params.seq * totalTokens(params);
}

/**
 * Peak bytes of the hungriest implementation (the composed graph): inputs, the causal mask, and up to
 * four live `[B, heads, S, T]` intermediates (scores, scaled, masked, weights) before onnxruntime's
 * planner reuses buffers.
 */
export function attentionWorkBytes(params: AttentionParams): number {
  const mask = params.causal ? ELEMENT_BYTES[params.dtype] * params.seq * totalTokens(params) : 0;
  return attentionBytes(params) + mask + 4 * scoreMatrixBytes(params);
}

/**
 * Memory figures for the reply: the score matrix a composed graph materialises, against the
 * per-row running maximum and sum that a tiled kernel keeps instead (FlashAttention, Dao et al.
 * 2022, Algorithm 1: statistics `m` and `ℓ` of length N per head, plus on-chip tiles).
 */
export function attentionMemoryNotes(params: AttentionParams): MemoryNote[] {
  const { batch: B, seq: S, heads: H, headDim: D } = params;
  const T = totalTokens(params);
  const e = ELEMENT_BYTES[params.dtype];
  return [
    {
      label: 'score matrix Q·Kᵀ (the composed graph materialises it)',
      bytes: scoreMatrixBytes(params),
      formula: `B·heads·S·T·e = ${B}·${H}·${S}·${T}·${e}`,
    },
    {
      label: 'tiled (FlashAttention) kernel: running max and sum per query row',
      bytes: 4 * 2 * B * H * S,
      formula: `2·B·heads·S·4 (float32 statistics) = 2·${B}·${H}·${S}·4`,
    },
    {
      label: 'output',
      bytes: e * B * H * S * D,
      formula: `B·heads·S·D·e = ${B}·${H}·${S}·${D}·${e}`,
    },
  ];
}

/**
 * `memory` when arithmetic intensity (FLOPs per byte moved) is under 10, the balance point of the
 * measured machine (≈100 GFLOP/s MatMul over ≈10 GB/s copy, onnxruntime.md); decode steps land there.
 */
export function attentionBoundBy(params: AttentionParams): 'compute' | 'memory' {
  return attentionFlops(params) / attentionBytes(params) < 10 ? 'memory' : 'compute';
}
