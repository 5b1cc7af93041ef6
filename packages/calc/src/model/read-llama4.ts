import type { Architecture, LayerAttention } from './architecture.js';
import { attentionOf, layerTypesFromConfig, readCommon, type TypeDefaults } from './common-fields.js';
import { type ConfigFields, FIELD_CAPS } from './config-fields.js';
import { moeOf } from './read-llama-family.js';

// transformers Llama4TextConfig defaults (the Scout shape).
const LLAMA4: TypeDefaults = {
  vocab: 202048,
  hidden: 5120,
  intermediate: 8192,
  layers: 48,
  heads: 40,
  kvHeads: 8,
  headDim: 128,
  maxPositions: 131072,
  tied: false,
  activation: 'silu',
};

/**
 * Reads Llama 4 text configs: RoPE layers use chunked local attention (`attention_chunk_size`),
 * every `no_rope_layer_interval`-th layer (4th by default) is a global NoPE layer; MoE layers are
 * `moe_layers` or every `interleave_moe_layer_step`-th layer, each with one shared expert; dense
 * layers use `intermediate_size_mlp`.
 */
export function readLlama4(f: ConfigFields): Omit<Architecture, 'defaults' | 'notes'> {
  const c = readCommon(f, LLAMA4);
  const chunk = f.intOrNull('attention_chunk_size', 8192, FIELD_CAPS.positions);
  // Llama4TextConfig: no_rope_layers[i] = 1 for RoPE layers; an empty list means the default.
  const interval = f.int('no_rope_layer_interval', 4, FIELD_CAPS.layers);
  const stated = f.intList('no_rope_layers', 1);
  const ropeLayers =
    stated && stated.length > 0
      ? stated
      : Array.from({ length: c.numLayers }, (_, i) => ((i + 1) % interval !== 0 ? 1 : 0));
  if (!(stated && stated.length > 0)) f.note('no_rope_layers', `every ${interval}th layer NoPE (global)`);
  const attention: LayerAttention[] =
    layerTypesFromConfig(f, c.numLayers, { chunk }) ??
    Array.from({ length: c.numLayers }, (_, i) =>
      ropeLayers[i] === 1 && chunk !== null ? { kind: 'chunked', chunk } : { kind: 'full' },
    );
  const step = f.int('interleave_moe_layer_step', 1, FIELD_CAPS.layers);
  const moeLayers = new Set(
    f.intList('moe_layers', FIELD_CAPS.layers) ??
      Array.from({ length: c.numLayers }, (_, i) => i).filter((i) => (i + 1) % step === 0),
  );
  const moe = moeOf(f, {
    experts: f.int('num_local_experts', 16, FIELD_CAPS.experts),
    topK: f.int('num_experts_per_tok', 1, FIELD_CAPS.experts),
    expertIntermediate: c.intermediate,
  });
  moe.sharedExperts = 1; // Llama4TextMoe.shared_expert, intermediate_size wide
  moe.sharedIntermediate = c.intermediate;
  const bias = f.bool('attention_bias', false);
  return {
    modelType: 'llama4',
    hidden: c.hidden,
    vocab: c.vocab,
    layers: attention.map((a, i) => ({ attention: a, mlp: moeLayers.has(i) ? 'moe' : 'dense' })),
    attention: attentionOf(c, {
      qkvBias: bias,
      outBias: bias,
      qkNorm: f.bool('use_qk_norm', true) ? 'l2' : 'none',
    }),
    mlp: {
      gated: true,
      activation: c.activation,
      intermediate: f.int('intermediate_size_mlp', 16384, FIELD_CAPS.size),
      bias: false,
    },
    moe,
    norm: { kind: 'rms', bias: false, perLayer: 2, final: true },
    tiedEmbeddings: c.tied,
    learnedPositions: 0,
    maxPositions: c.maxPositions,
  };
}
