/** Activation recomputation: none, selective (attention scores only) or full (layer inputs only). */
export type Recompute = 'none' | 'selective' | 'full';

/** The dimensions that activation memory depends on. */
export interface ActivationDims {
  /** s, sequence length in tokens. */
  seq: number;
  /** b, micro-batch size in sequences. */
  microBatch: number;
  /** h, hidden size. */
  hidden: number;
  /** a, attention heads. */
  heads: number;
  /** t, tensor-parallel size. */
  tp: number;
  /** Sequence parallelism on (only matters when t > 1). */
  sequenceParallel: boolean;
}

/**
 * Activation bytes one transformer layer keeps for one micro-batch, 16-bit activations and 1-byte
 * dropout masks (Korthikanti et al. 2022, arXiv:2205.05198, Table 2):
 * none: `sbh(10 + 24/t + 5as/(ht))`, or `(sbh/t)(34 + 5as/h)` with sequence parallelism;
 * selective: `sbh(10 + 24/t)`, or `34·sbh/t` with sequence parallelism;
 * full: `2·sbh` (the layer input only).
 * With t = 1 the first reduces to `sbh(34 + 5as/h)` (Eq. 1).
 */
export function activationBytesPerLayer(dims: ActivationDims, recompute: Recompute): number {
  const { seq: s, microBatch: b, hidden: h, heads: a, tp: t } = dims;
  const sbh = s * b * h;
  if (recompute === 'full') return 2 * sbh;
  const sp = dims.sequenceParallel && t > 1;
  if (recompute === 'selective') return sp ? (34 * sbh) / t : sbh * (10 + 24 / t);
  return sp ? (sbh / t) * (34 + (5 * a * s) / h) : sbh * (10 + 24 / t + (5 * a * s) / (h * t));
}

/**
 * Extra bytes live while one layer runs its backward pass under recomputation: the whole layer's
 * activations rebuilt by a full recompute, or the `5as²b/t` attention scores by a selective one
 * (Korthikanti et al. 2022, §5: what each scheme recomputes).
 */
export function recomputeWorkingBytes(dims: ActivationDims, recompute: Recompute): number {
  if (recompute === 'full') return activationBytesPerLayer(dims, 'none');
  if (recompute === 'selective') {
    return (5 * dims.heads * dims.seq ** 2 * dims.microBatch) / dims.tp;
  }
  return 0;
}

/**
 * Micro-batch chunks whose activations pipeline rank `rank` (0 = first stage) holds at its peak under
 * Megatron-LM's 1F1B schedule: `min(p − rank, m)` micro-batches without interleaving, and
 * `min(2(p − rank − 1) + (v − 1)·p + 1, m·v)` model chunks with v virtual stages (the warm-up counts of
 * Megatron's schedules; on the first stage this is Korthikanti et al. §4.2.3's L·(1 + (p − 1)/(p·v))
 * layers).
 *
 * @returns chunks in flight; multiply by L/(p·v) for layers.
 */
export function chunksInFlight(pp: number, interleave: number, microBatches: number, rank: number): number {
  if (interleave <= 1) return Math.min(pp - rank, microBatches);
  return Math.min(2 * (pp - rank - 1) + (interleave - 1) * pp + 1, microBatches * interleave);
}

/**
 * Activation bytes outside the transformer layers (Korthikanti et al. 2022, §4.3): the embedding
 * dropout mask `sbh/t` per micro-batch in flight on the first stage, and on the last stage the final
 * layer norm and output projection inputs `4sbh/t` plus fp32 logits `4sbV/t`.
 */
export function edgeActivationBytes(
  dims: ActivationDims,
  vocab: number,
  microBatchesInFlight: number,
  first: boolean,
  last: boolean,
): number {
  const sbh = dims.seq * dims.microBatch * dims.hidden;
  let bytes = 0;
  if (first) bytes += (sbh * microBatchesInFlight) / dims.tp;
  if (last) bytes += (4 * sbh + 4 * dims.seq * dims.microBatch * vocab) / dims.tp;
  return bytes;
}
