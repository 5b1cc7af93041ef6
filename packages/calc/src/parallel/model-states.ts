/** ZeRO stage: 0 plain data parallel, 1 optimizer states, 2 + gradients, 3 + parameters sharded. */
export type ZeroStage = 0 | 1 | 2 | 3;

/**
 * Bytes per parameter of mixed-precision Adam. 16 = ZeRO paper (Rajbhandari et al. 2020, §3.1):
 * 2 (bf16 weights) + 2 (bf16 gradients) + 12 (fp32 master weights, momentum, variance).
 * 18 = Megatron-LM with fp32 gradient accumulation: gradients take 4 bytes.
 */
export type BytesPerParam = 16 | 18;

/** Bytes of model states on one GPU, split as the ZeRO paper splits them. */
export interface ModelStateBytes {
  params: number;
  grads: number;
  optimizer: number;
}

/** Gradient bytes per parameter under a convention: 2 (16 B/param) or 4 (18 B/param). */
export function gradientBytes(bytesPerParam: BytesPerParam): number {
  return bytesPerParam === 18 ? 4 : 2;
}

/**
 * Model-state bytes on one GPU holding `params` parameters (already divided by TP·PP), sharded over a
 * data-parallel group of `dp` by ZeRO stage `zero`. With 16 B/param this is the ZeRO paper's
 * 16Ψ (stage 0), 4Ψ + 12Ψ/N_d (1), 2Ψ + 14Ψ/N_d (2), 16Ψ/N_d (3) (Rajbhandari et al. 2020, §5, Table 1);
 * with 18 B/param and stage 1 it is Megatron's distributed optimizer, 6 + 12/DP bytes per parameter.
 */
export function modelStateBytes(
  params: number,
  zero: ZeroStage,
  dp: number,
  bytesPerParam: BytesPerParam,
): ModelStateBytes {
  const weights = 2 * params;
  const grads = gradientBytes(bytesPerParam) * params;
  const optimizer = 12 * params;
  return {
    params: zero >= 3 ? weights / dp : weights,
    grads: zero >= 2 ? grads / dp : grads,
    optimizer: zero >= 1 ? optimizer / dp : optimizer,
  };
}
