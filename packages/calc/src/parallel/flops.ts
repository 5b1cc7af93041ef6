import type { Recompute } from './activations.js';
import { embeddingParams, type TransformerShape } from './shape.js';

/**
 * Parameters of one transformer layer that a token passes through: (Ψ_active − embeddings) / L. Equals
 * `layerParams` for dense models; for MoE only the top-k routed experts and the shared ones count.
 */
export function activeLayerParams(shape: TransformerShape): number {
  return ((shape.activeParams ?? shape.params) - embeddingParams(shape)) / shape.layers;
}

/**
 * Model FLOPs per trained token, GEMMs only: `6·(L·P_layer + V·h) + 12·s·L·h`, forward and backward
 * through every weight a token uses, the logit layer and the attention scores (Narayanan et al. 2021,
 * arXiv:2104.04473, Eq. 3 per token without recomputation: 72·l·h² = 6 · 12·l·h² for a GPT layer).
 * P_layer counts active parameters ({@link activeLayerParams}): C ≈ 6N with N the parameters a token
 * passes through (Kaplan et al. 2020, arXiv:2001.08361, §2.1), so an MoE layer costs its top-k routed
 * and shared experts, not all of them.
 */
export function modelFlopsPerToken(shape: TransformerShape, seq: number): number {
  const { layers: l, hidden: h, vocab: v } = shape;
  return 6 * (l * activeLayerParams(shape) + v * h) + 12 * seq * l * h;
}

/**
 * FLOPs per token spent recomputing activations: full recomputation reruns every layer's forward pass,
 * `2·L·P_layer + 4·s·L·h`; selective reruns the attention scores only, `4·s·L·h` (Korthikanti et al.
 * 2022, arXiv:2205.05198, §5). P_layer counts active parameters, as in {@link modelFlopsPerToken}.
 */
export function recomputeFlopsPerToken(shape: TransformerShape, seq: number, recompute: Recompute): number {
  const { layers: l, hidden: h } = shape;
  if (recompute === 'full') return 2 * l * activeLayerParams(shape) + 4 * seq * l * h;
  if (recompute === 'selective') return 4 * seq * l * h;
  return 0;
}
