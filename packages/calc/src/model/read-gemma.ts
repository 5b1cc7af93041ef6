import type { Architecture, LayerAttention } from './architecture.js';
import { attentionOf, layerTypesFromConfig, readCommon, type TypeDefaults } from './common-fields.js';
import { type ConfigFields, FIELD_CAPS } from './config-fields.js';

// transformers Gemma2Config and Gemma3TextConfig defaults.
const GEMMA2: TypeDefaults = {
  vocab: 256000,
  hidden: 2304,
  intermediate: 9216,
  layers: 26,
  heads: 8,
  kvHeads: 4,
  headDim: 256,
  maxPositions: 8192,
  tied: true,
  activation: 'gelu_pytorch_tanh',
};
const GEMMA3: TypeDefaults = { ...GEMMA2, vocab: 262208, maxPositions: 131072 };

/**
 * Reads Gemma 2 and Gemma 3 (text) configs: interleaved local (sliding) and global layers, four
 * RMSNorms per layer (pre/post attention, pre/post MLP), tied embeddings. Gemma 2 alternates 1:1
 * starting with a local layer; Gemma 3 has `sliding_window_pattern` − 1 local layers per global one.
 */
export function readGemma(
  f: ConfigFields,
  modelType: 'gemma2' | 'gemma3_text',
): Omit<Architecture, 'defaults' | 'notes'> {
  const isGemma3 = modelType === 'gemma3_text';
  const c = readCommon(f, isGemma3 ? GEMMA3 : GEMMA2);
  const window = f.int('sliding_window', 4096, FIELD_CAPS.positions);
  const pattern = isGemma3 ? f.int('sliding_window_pattern', 6, FIELD_CAPS.layers) : 2;
  // Gemma2DecoderLayer: is_sliding = not bool(layer_idx % 2); Gemma3: sliding unless (i + 1) % pattern == 0.
  const attention: LayerAttention[] =
    layerTypesFromConfig(f, c.numLayers, { window }) ??
    Array.from({ length: c.numLayers }, (_, i) =>
      (i + 1) % pattern === 0 ? { kind: 'full' } : { kind: 'sliding', window },
    );
  const bias = f.bool('attention_bias', false);
  return {
    modelType,
    hidden: c.hidden,
    vocab: c.vocab,
    layers: attention.map((a) => ({ attention: a, mlp: 'dense' })),
    attention: attentionOf(c, { qkvBias: bias, outBias: bias, qkNorm: isGemma3 ? 'per-head' : 'none' }),
    mlp: { gated: true, activation: c.activation, intermediate: c.intermediate, bias: false },
    norm: { kind: 'rms', bias: false, perLayer: 4, final: true },
    tiedEmbeddings: c.tied,
    learnedPositions: 0,
    maxPositions: c.maxPositions,
  };
}
