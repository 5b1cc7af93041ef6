/**
 * Top-k, top-p and sampling as composed ONNX graphs (there is no fused sampling op in onnxruntime).
 * Settings that change per call (temperature, k, p, u) are graph inputs, not constants.
 *
 * @module
 */

import type { GraphBuilder } from '../../onnx/graph-builder.js';

/**
 * `TopK(logits, k)` along the last axis, largest first. ONNX `TopK` breaks ties by lower index first,
 * the rule the reference uses. `k` is a 1-D int64 tensor of one element.
 * @returns `[values, indices]`, each `[rows, k]`.
 */
export function addTopK(g: GraphBuilder, logits: string, k: string): [string, string] {
  const [values, indices] = g.nodeOutputs('TopK', [logits, k], 2, { axis: -1, largest: 1, sorted: 1 });
  return [values!, indices!];
}

/** `k` = the size of the last axis of `x`, as TopK wants it (`Shape` with `start = −1`, opset 15+). */
export function addLastDim(g: GraphBuilder, x: string): string {
  return g.node('Shape', [x], { start: -1 });
}

/**
 * Top-p on probabilities sorted largest first: keep rank `j` while the mass ranked before it (an
 * exclusive `CumSum`) is `< p`, zero the rest, renormalise.
 * @returns `keep` (bool) and the renormalised probabilities, both shaped like `sorted`.
 */
export function addNucleus(g: GraphBuilder, sorted: string, p: string): { keep: string; probs: string } {
  const axis = g.constant(`${sorted}_cumsum_axis`, 'int64', [], [-1]);
  const before = g.node('CumSum', [sorted, axis], { exclusive: 1 });
  const keep = g.node('Less', [before, p]);
  const zero = g.constant(`${sorted}_zero`, 'float32', [], [0]);
  const kept = g.node('Where', [keep, sorted, zero]);
  const axes = g.constant(`${sorted}_axes`, 'int64', [1], [-1]);
  const mass = g.node('ReduceSum', [kept, axes], { keepdims: 1 });
  return { keep, probs: g.node('Div', [kept, mass]) };
}

/** Writes `values [rows, k]` at `indices` into zeros shaped like `like [rows, vocab]`. */
export function addScatterToVocab(g: GraphBuilder, like: string, indices: string, values: string): string {
  // ConstantOfShape without a `value` attribute fills float32 zeros (onnx/docs/Operators.md).
  const zeros = g.node('ConstantOfShape', [g.node('Shape', [like])]);
  return g.node('ScatterElements', [zeros, indices, values], { axis: -1 });
}

/**
 * Inverse-transform sampling on renormalised probabilities `probs [rows, n]` (most likely first):
 * position = number of cumulative probabilities ≤ u, clamped to the last kept position (float32
 * rounding can leave the total a hair below 1), then the token id at that position.
 * @returns token ids `[rows]` int64.
 */
export function addInverseTransform(
  g: GraphBuilder,
  probs: string,
  keep: string,
  indices: string,
  u: string,
): string {
  const axis = g.constant(`${probs}_cumsum_axis`, 'int64', [], [-1]);
  const axes = g.constant(`${probs}_axes`, 'int64', [1], [-1]);
  const cumulative = g.node('CumSum', [probs, axis]);
  const below = g.node('Cast', [g.node('LessOrEqual', [cumulative, u])], { to: 1 }); // 1 = FLOAT
  const position = g.node('ReduceSum', [below, axes], { keepdims: 1 });
  const keptCount = g.node('ReduceSum', [g.node('Cast', [keep], { to: 1 }), axes], { keepdims: 1 });
  const last = g.node('Sub', [keptCount, g.constant(`${probs}_one`, 'float32', [], [1])]);
  const clamped = g.node('Cast', [g.node('Min', [position, last])], { to: 7 }); // 7 = INT64
  const token = g.node('GatherElements', [indices, clamped], { axis: -1 });
  return g.node('Squeeze', [token, axes]);
}
