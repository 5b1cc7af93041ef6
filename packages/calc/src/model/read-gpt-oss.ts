import type { Architecture } from './architecture.js';
import { attentionOf, layerTypesFromConfig, readCommon, type TypeDefaults } from './common-fields.js';
import { type ConfigFields, FIELD_CAPS } from './config-fields.js';
import { moeOf } from './read-llama-family.js';

// transformers GptOssConfig defaults (the gpt-oss-120b shape).
const GPT_OSS: TypeDefaults = {
  vocab: 201088,
  hidden: 2880,
  intermediate: 2880,
  layers: 36,
  heads: 64,
  kvHeads: 8,
  headDim: 64,
  maxPositions: 131072,
  tied: false,
  activation: 'silu',
};

/**
 * Reads gpt-oss configs: `layer_types` alternating sliding (window 128) and full attention, biases
 * on q/k/v/o, one attention-sink logit per head, every layer MoE with biased router and experts.
 */
export function readGptOss(f: ConfigFields): Omit<Architecture, 'defaults' | 'notes'> {
  const c = readCommon(f, GPT_OSS);
  const window = f.int('sliding_window', 128, FIELD_CAPS.positions);
  // GptOssConfig: layer_types default "sliding_attention" if (i + 1) % 2 else "full_attention".
  const attention =
    layerTypesFromConfig(f, c.numLayers, { window }) ??
    Array.from({ length: c.numLayers }, (_, i) =>
      (i + 1) % 2 ? { kind: 'sliding' as const, window } : { kind: 'full' as const },
    );
  const bias = f.bool('attention_bias', true);
  const moe = moeOf(f, {
    experts: f.int('num_local_experts', 128, FIELD_CAPS.experts),
    topK: f.int('num_experts_per_tok', 4, FIELD_CAPS.experts),
    expertIntermediate: c.intermediate,
  });
  moe.routerBias = true;
  moe.expertBias = true;
  return {
    modelType: 'gpt_oss',
    hidden: c.hidden,
    vocab: c.vocab,
    layers: attention.map((a) => ({ attention: a, mlp: 'moe' })),
    attention: attentionOf(c, { qkvBias: bias, outBias: bias, sinks: true }),
    mlp: { gated: true, activation: c.activation, intermediate: c.intermediate, bias: true },
    moe,
    norm: { kind: 'rms', bias: false, perLayer: 2, final: true },
    tiedEmbeddings: c.tied,
    learnedPositions: 0,
    maxPositions: c.maxPositions,
  };
}
