/**
 * Causal attention composed of primitive ops, one block of query rows at a time: the block of rows
 * `r0 … r1 − 1` is scored only against keys `0 … r1 − 1`, the keys it may see, so the tiles above the
 * diagonal of the score matrix are never computed nor stored. Each block is the textbook graph
 * (`MatMul · scale + mask → Softmax → MatMul`, as in `attention-composed.ts`) over fewer keys, and
 * only its last `r1 − r0` columns can be masked. With `n` blocks it computes `(n + 1)/(2n)` of the
 * dense products, against the `½` that are useful.
 *
 * This is the block skipping of tiled kernels under a causal mask (FlashAttention-2, Dao 2023,
 * arXiv:2307.08691, "Causal masking": blocks entirely above the diagonal are skipped), at graph level.
 *
 * @module
 */

import type { KernelGraph, KernelInputs, KernelUnavailable } from '../../kernel-definition.js';
import { toKernelGraph } from '../../kernel-definition.js';
import { createGraphBuilder } from '../../onnx/graph-builder.js';
import { causalMask } from './attention-composed.js';
import { type AttentionParams, groupSize } from './attention-params.js';

/**
 * Query rows per block. Smaller blocks skip more of the masked half but multiply thinner matrices;
 * 256 keeps every product at least 256 rows tall and skips 7/16 of the dense work at seq 2048
 * (8 blocks: 9/16 computed).
 */
export const BLOCK_ROWS = 256;

/** Builds the blocked graph, or says why it does not apply (not causal, a cache, one block only). */
export function buildBlockedCausalAttention(
  params: AttentionParams,
  inputs: KernelInputs,
  blockRows = BLOCK_ROWS,
): KernelGraph | KernelUnavailable {
  const { batch: B, seq: S, past: P, heads: H, kvHeads: KV, headDim: D, dtype } = params;
  if (!params.causal) return { unavailable: 'blocking skips masked tiles: it needs causal=true.' };
  if (P > 0) return { unavailable: 'the blocked graph is for a prompt without a cache (past=0).' };
  if (S <= blockRows) {
    return { unavailable: `one block of ${blockRows} query rows holds the whole sequence: nothing to skip.` };
  }
  const G = groupSize(params);
  const g = createGraphBuilder({ name: 'attention-blocked' });
  const int64 = (name: string, values: number[]) => g.constant(name, 'int64', [values.length], values);

  const q = g.input('q', dtype, [B, H, S, D]);
  const k = g.input('k', dtype, [B, KV, S, D]);
  const v = g.input('v', dtype, [B, KV, S, D]);
  const mask = g.input('mask', dtype, [S, S]);
  const scale = g.constant('scale', dtype, [], [1 / Math.sqrt(D)]);
  // Query heads that share a key/value head, grouped: [B, KV, G, S, D] (as in the composed graph).
  const qGrouped = g.node('Reshape', [q, int64('grouped_q_shape', [B, KV, G, S, D])]);
  const sequenceAxis = int64('sequence_axis', [3]);
  const keyAxis = int64('key_axis', [2]);
  const bothMaskAxes = int64('mask_axes', [0, 1]);
  const zero = int64('zero', [0]);

  const blocks: string[] = [];
  for (let r0 = 0, index = 0; r0 < S; r0 += blockRows, index++) {
    const r1 = Math.min(S, r0 + blockRows);
    const rows = r1 - r0;
    const end = int64(`block${index}_end`, [r1]);
    // This block's queries, stacked per key/value head: [B, KV, G·rows, D]
    const qBlock = g.node('Reshape', [
      g.node('Slice', [qGrouped, int64(`block${index}_start`, [r0]), end, sequenceAxis]),
      int64(`block${index}_stacked`, [B, KV, G * rows, D]),
    ]);
    // The keys and values it may see: 0 … r1 − 1
    const keys = g.node('Slice', [k, zero, end, keyAxis]);
    const values = g.node('Slice', [v, zero, end, keyAxis]);
    const scores = g.node('MatMul', [qBlock, g.node('Transpose', [keys], { perm: [0, 1, 3, 2] })]);
    // · 1/√d, + this block's rows of the mask ([rows, r1], broadcast over the group)
    const blockMask = g.node('Slice', [
      mask,
      int64(`block${index}_mask_start`, [r0, 0]),
      int64(`block${index}_mask_end`, [r1, r1]),
      bothMaskAxes,
    ]);
    const perQuery = g.node('Reshape', [
      g.node('Mul', [scores, scale]),
      int64(`block${index}_grouped_scores`, [B, KV, G, rows, r1]),
    ]);
    const logits = g.node('Reshape', [
      g.node('Add', [perQuery, blockMask]),
      int64(`block${index}_stacked_scores`, [B, KV, G * rows, r1]),
    ]);
    const weights = g.node('Softmax', [logits], { axis: -1 });
    // [B, KV, G·rows, D], regrouped for the concatenation along the sequence axis
    blocks.push(
      g.node('Reshape', [
        g.node('MatMul', [weights, values]),
        int64(`block${index}_grouped_out`, [B, KV, G, rows, D]),
      ]),
    );
  }
  const out = g.node('Concat', blocks, { axis: 3 });
  const y = g.node('Reshape', [out, int64('output_shape', [B, H, S, D])], {}, { outputs: ['y'] });
  g.output(y, dtype, [B, H, S, D]);
  const feeds: KernelInputs = { q: inputs.q!, k: inputs.k!, v: inputs.v!, mask: causalMask(S, 0, dtype) };
  return toKernelGraph(g, feeds, y);
}
