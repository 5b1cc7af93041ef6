import type { Architecture, MlpSpec } from '../model/architecture.js';

/**
 * Parameters of one standard attention block: q, k, v, o projections with their biases, q/k norms
 * and attention sinks. q: h × H·d, k and v: h × K·d each, o: H·d × h.
 */
export function attentionParams(arch: Architecture): number {
  const { heads: H, kvHeads: K, headDim: d, qkvBias, outBias, qkNorm, sinks } = arch.attention;
  const h = arch.hidden;
  let total = h * (H + 2 * K) * d + H * d * h;
  if (qkvBias) total += (H + 2 * K) * d;
  if (outBias) total += h;
  if (qkNorm === 'per-head') total += 2 * d;
  if (qkNorm === 'per-projection') total += (H + K) * d;
  if (sinks) total += H;
  return total;
}

/**
 * Parameters of one multi-head latent attention block (DeepSeek-V2 paper §2.1): the query down/up
 * projections (or one query projection when q_lora_rank is null), the joint KV down-projection with
 * the decoupled RoPE key, the KV up-projection, the output projection, and the two latent RMSNorms.
 */
export function mlaParams(arch: Architecture): number {
  const mla = arch.mla;
  if (!mla) return 0;
  const h = arch.hidden;
  const H = arch.attention.heads;
  const qHead = mla.qkNopeHeadDim + mla.qkRopeHeadDim;
  const query =
    mla.qLoraRank === null ? h * H * qHead : h * mla.qLoraRank + mla.qLoraRank + mla.qLoraRank * H * qHead;
  const kvDown = h * (mla.kvLoraRank + mla.qkRopeHeadDim) + mla.kvLoraRank;
  const kvUp = mla.kvLoraRank * H * (mla.qkNopeHeadDim + mla.vHeadDim);
  const out = H * mla.vHeadDim * h;
  return query + kvDown + kvUp + out;
}

/**
 * Parameters of one Mamba mixer as in Jamba (transformers JambaMambaMixer): in_proj h × 2I, a
 * depthwise conv I × d_conv, x_proj I × (R + 2N), dt_proj R × I + I, A_log I × N, D I, out_proj I × h,
 * and RMSNorms on dt, B and C.
 */
export function mambaParams(arch: Architecture): number {
  const m = arch.mamba;
  if (!m) return 0;
  const h = arch.hidden;
  const I = m.inner;
  let total =
    h * 2 * I + I * m.dConv + I * (m.dtRank + 2 * m.dState) + m.dtRank * I + I + I * m.dState + I + I * h;
  if (m.convBias) total += I;
  if (m.projBias) total += 2 * I + h;
  if (m.innerNorms) total += m.dtRank + 2 * m.dState;
  return total;
}

/** Parameters of one feed-forward block: gated 3·h·d_ff (gate, up, down), plain 2·h·d_ff, plus biases. */
export function mlpParams(hidden: number, mlp: Pick<MlpSpec, 'gated' | 'intermediate' | 'bias'>): number {
  const ff = mlp.intermediate;
  const weights = (mlp.gated ? 3 : 2) * hidden * ff;
  const bias = mlp.bias ? (mlp.gated ? 2 * ff : ff) + hidden : 0;
  return weights + bias;
}

/** Parameters of one norm of width `width` (weight, plus bias for LayerNorm with bias). */
export function normParams(arch: Architecture, width = arch.hidden): number {
  return arch.norm.bias ? 2 * width : width;
}
