/**
 * Causal attention composed of primitive ops, one block of query rows at a time: the block of rows
 * `r0 … r1 − 1` is scored only against the keys it may see, so the tiles above the diagonal of the
 * score matrix are (almost all) never computed nor stored. Each block is the textbook graph
 * (`MatMul · scale + mask → Softmax → MatMul`, as in `attention-composed.ts`) over fewer keys.
 *
 * Keys come in blocks twice as tall as the query blocks. A query block scores all keys up to the end
 * of the key block holding its diagonal, and only that key block gets the mask; the scores against
 * earlier keys are concatenated in front of it unmasked. So every key or value prefix the graph
 * slices (a copy in onnxruntime) serves two query blocks, at the price of scoring a few masked keys:
 * at seq 2048 it computes 9/16 of the dense products, where exact prefixes of 128 rows would
 * compute 17/32 (6% fewer).
 *
 * This is the block skipping of tiled kernels under a causal mask (FlashAttention-2, Dao 2023,
 * arXiv:2307.08691, "Causal masking": blocks entirely above the diagonal are skipped, and only
 * blocks on the diagonal apply the mask), at graph level.
 *
 * @module
 */

import type { KernelGraph, KernelInputs, KernelUnavailable } from '../../kernel-definition.js';
import { toKernelGraph } from '../../kernel-definition.js';
import { createGraphBuilder } from '../../onnx/graph-builder.js';
import { causalMask } from './attention-composed.js';
import { type AttentionParams, groupSize } from './attention-params.js';

/**
 * Query rows per block (keys: twice as many). Smaller blocks skip more of the masked half but
 * multiply thinner matrices and run more ops; 128 timed best here (64, 256 and 512 were slower).
 */
export const BLOCK_ROWS = 128;

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
  // Keys per key block, and the causal mask of one key block against itself, sliced for each query block
  const keyRows = 2 * blockRows;
  const tileMask = g.input('mask', dtype, [keyRows, keyRows]);
  const scale = g.constant('scale', dtype, [], [1 / Math.sqrt(D)]);
  // Query heads that share a key/value head, grouped: [B, KV, G, S, D] (as in the composed graph).
  const qGrouped = g.node('Reshape', [q, int64('grouped_q_shape', [B, KV, G, S, D])]);
  const sequenceAxis = int64('sequence_axis', [3]);
  const keyAxis = int64('key_axis', [2]);
  const bothMaskAxes = int64('mask_axes', [0, 1]);
  const zero = int64('zero', [0]);
  // The mask repeated for each query head of a group; one key/value head per query head needs none.
  const groupRepeats = G > 1 ? int64('group_repeats', [G, 1]) : undefined;
  // Rows r0 … r1 − 1 of keys or values ([B, KV, r1 − r0, D]), each slice made once (query blocks
  // share them); the whole tensor needs no Slice.
  const slices = new Map<string, string>();
  const rowsOf = (x: string, r0: number, r1: number): string => {
    if (r0 === 0 && r1 === S) return x;
    const name = `${x}_rows_${r0}_${r1}`;
    let slice = slices.get(name);
    if (slice === undefined) {
      const start = r0 === 0 ? zero : int64(`${name}_start`, [r0]);
      slice = g.node('Slice', [x, start, int64(`${name}_end`, [r1]), keyAxis]);
      slices.set(name, slice);
    }
    return slice;
  };
  // Q·Kᵀ · 1/√d of stacked queries [B, KV, G·rows, D] against keys [B, KV, n, D]: [B, KV, G·rows, n]
  const scaledScores = (queries: string, keys: string) =>
    g.node('Mul', [g.node('MatMul', [queries, g.node('Transpose', [keys], { perm: [0, 1, 3, 2] })]), scale]);

  const blocks: string[] = [];
  for (let r0 = 0, index = 0; r0 < S; r0 += blockRows, index++) {
    const r1 = Math.min(S, r0 + blockRows);
    const rows = r1 - r0;
    const name = `block${index}`;
    // This block's queries, stacked per key/value head: [B, KV, G·rows, D]
    const qBlock = g.node('Reshape', [
      g.node('Slice', [qGrouped, int64(`${name}_start`, [r0]), int64(`${name}_end`, [r1]), sequenceAxis]),
      int64(`${name}_stacked`, [B, KV, G * rows, D]),
    ]);
    // The key block holding the diagonal: keys k0 … k1 − 1, + its mask rows, repeated for each query
    // head of a group (the stacked rows are head-major: [G·rows])
    const k0 = Math.floor(r0 / keyRows) * keyRows;
    const k1 = Math.min(S, k0 + keyRows);
    const blockMask = g.node('Slice', [
      tileMask,
      int64(`${name}_mask_start`, [r0 - k0, 0]),
      int64(`${name}_mask_end`, [r1 - k0, k1 - k0]),
      bothMaskAxes,
    ]);
    const mask = groupRepeats === undefined ? blockMask : g.node('Tile', [blockMask, groupRepeats]);
    const diagonal = g.node('Add', [scaledScores(qBlock, rowsOf(k, k0, k1)), mask]);
    // Keys 0 … k0 − 1 need no mask: their scores go in front, unmasked.
    const logits =
      k0 === 0
        ? diagonal
        : g.node('Concat', [scaledScores(qBlock, rowsOf(k, 0, k0)), diagonal], { axis: -1 });
    const weights = g.node('Softmax', [logits], { axis: -1 });
    // [B, KV, G·rows, D], regrouped for the concatenation along the sequence axis
    blocks.push(
      g.node('Reshape', [
        g.node('MatMul', [weights, rowsOf(v, 0, k1)]),
        int64(`${name}_grouped_out`, [B, KV, G, rows, D]),
      ]),
    );
  }
  const out = g.node('Concat', blocks, { axis: 3 });
  const y = g.node('Reshape', [out, int64('output_shape', [B, H, S, D])], {}, { outputs: ['y'] });
  g.output(y, dtype, [B, H, S, D]);
  const feeds: KernelInputs = {
    q: inputs.q!,
    k: inputs.k!,
    v: inputs.v!,
    mask: causalMask(keyRows, 0, dtype),
  };
  return toKernelGraph(g, feeds, y);
}
