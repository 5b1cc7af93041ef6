import type { Architecture } from './architecture.js';
import { attentionOf, readCommon, type TypeDefaults } from './common-fields.js';
import { type ConfigFields, FIELD_CAPS } from './config-fields.js';
import { moeOf, withMoe } from './read-llama-family.js';

// transformers DeepseekV3Config defaults; DeepseekV2Config differs where noted below.
const V3: TypeDefaults = {
  vocab: 129280,
  hidden: 7168,
  intermediate: 18432,
  layers: 61,
  heads: 128,
  kvHeads: 128,
  headDim: 'mla',
  maxPositions: 4096,
  tied: false,
  activation: 'silu',
};
const V2: TypeDefaults = {
  ...V3,
  vocab: 32000,
  hidden: 4096,
  intermediate: 11008,
  layers: 32,
  heads: 32,
  kvHeads: 'heads',
  maxPositions: 2048,
};

/**
 * Reads DeepSeek-V2/V3 (and R1) configs: multi-head latent attention (`kv_lora_rank`,
 * `qk_rope_head_dim`, …), the first `first_k_dense_replace` layers dense, the rest MoE with
 * `n_shared_experts` shared and `num_experts_per_tok` of `n_routed_experts` routed experts.
 * The multi-token-prediction module (`num_nextn_predict_layers`) is not part of the main model.
 */
export function readDeepseek(
  f: ConfigFields,
  modelType: 'deepseek_v2' | 'deepseek_v3',
): { arch: Omit<Architecture, 'defaults' | 'notes'>; mtpLayers: number } {
  const isV3 = modelType === 'deepseek_v3';
  const c = readCommon(f, isV3 ? V3 : V2);
  const mla = {
    qLoraRank: f.intOrNull('q_lora_rank', 1536, FIELD_CAPS.size),
    kvLoraRank: f.int('kv_lora_rank', 512, FIELD_CAPS.size),
    qkNopeHeadDim: f.int('qk_nope_head_dim', 128, FIELD_CAPS.size),
    qkRopeHeadDim: f.int('qk_rope_head_dim', 64, FIELD_CAPS.size),
    vHeadDim: f.int('v_head_dim', 128, FIELD_CAPS.size),
  };
  const moe = moeOf(f, {
    experts: f.int('n_routed_experts', isV3 ? 256 : 64, FIELD_CAPS.experts),
    topK: f.int('num_experts_per_tok', isV3 ? 8 : undefined, FIELD_CAPS.experts),
    expertIntermediate: f.int('moe_intermediate_size', isV3 ? 2048 : 1407, FIELD_CAPS.size),
  });
  moe.sharedExperts = f.int('n_shared_experts', isV3 ? 1 : 2, FIELD_CAPS.experts, 0);
  moe.sharedIntermediate = moe.expertIntermediate;
  moe.scoreCorrectionBias = isV3; // DeepseekV3TopkRouter.e_score_correction_bias
  const firstDense = f.int('first_k_dense_replace', isV3 ? 3 : 0, FIELD_CAPS.layers, 0);
  const freq = f.int('moe_layer_freq', 1, FIELD_CAPS.layers);
  const bias = f.bool('attention_bias', false);
  const base: Omit<Architecture, 'defaults' | 'notes'> = {
    modelType,
    hidden: c.hidden,
    vocab: c.vocab,
    layers: Array.from({ length: c.numLayers }, () => ({ attention: { kind: 'mla' }, mlp: 'dense' })),
    attention: attentionOf(c, {
      kvHeads: c.heads,
      headDim: mla.qkNopeHeadDim + mla.qkRopeHeadDim,
      headDimStated: true,
      qkvBias: bias,
      outBias: bias,
    }),
    mla,
    mlp: { gated: true, activation: c.activation, intermediate: c.intermediate, bias: false },
    norm: { kind: 'rms', bias: false, perLayer: 2, final: true },
    tiedEmbeddings: c.tied,
    learnedPositions: 0,
    maxPositions: c.maxPositions,
  };
  // DeepseekV3DecoderLayer: MoE when layer_idx >= first_k_dense_replace (and layer_idx % moe_layer_freq == 0).
  const arch = withMoe(base, moe, (i) => i >= firstDense && i % freq === 0);
  const mtpLayers = f.has('num_nextn_predict_layers')
    ? f.int('num_nextn_predict_layers', 0, FIELD_CAPS.layers, 0)
    : 0;
  return { arch, mtpLayers };
}
