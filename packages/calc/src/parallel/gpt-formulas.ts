/**
 * Parameters of a GPT model with a 4h MLP, learned positions and tied embeddings:
 * `P = 12·l·h²·(1 + 13/(12h) + (V + s)/(12·l·h))` (Narayanan et al. 2021, arXiv:2104.04473, Eq. 2).
 */
export function gptParams(layers: number, hidden: number, vocab: number, seq: number): number {
  const l = layers;
  const h = hidden;
  return 12 * l * h ** 2 * (1 + 13 / (12 * h) + (vocab + seq) / (12 * l * h));
}

/**
 * FLOPs of one training iteration with full activation recomputation, counting only GEMMs:
 * `F = 96·B·s·l·h²·(1 + s/(6h) + V/(16·l·h))` (Narayanan et al. 2021, Eq. 3).
 *
 * @param batch B, sequences per iteration.
 */
export function megatronFlopsPerIteration(
  batch: number,
  seq: number,
  layers: number,
  hidden: number,
  vocab: number,
): number {
  const h = hidden;
  return 96 * batch * seq * layers * h ** 2 * (1 + seq / (6 * h) + vocab / (16 * layers * h));
}
