import type { Architecture } from './architecture.js';
import { attentionOf, readHeadDim } from './common-fields.js';
import { type ConfigFields, FIELD_CAPS } from './config-fields.js';

/**
 * Reads GPT-2-style configs (`n_embd`, `n_layer`, `n_head`, `n_positions`, `n_inner`): learned
 * position embeddings, biases everywhere, two LayerNorms per layer plus a final one, a 4h GELU MLP,
 * tied embeddings. GPT-3 (Brown et al. 2020, Table 2.1) has the same layout. Defaults: GPT2Config.
 */
export function readGpt2(f: ConfigFields): Omit<Architecture, 'defaults' | 'notes'> {
  const hidden = f.int('n_embd', 768, FIELD_CAPS.size);
  const heads = f.int('n_head', 12, FIELD_CAPS.heads);
  const numLayers = f.int('n_layer', 12, FIELD_CAPS.layers);
  const positions = f.int('n_positions', 1024, FIELD_CAPS.positions);
  const intermediate = f.int('n_inner', 4 * hidden, FIELD_CAPS.size);
  const { headDim, headDimStated } = readHeadDim(f, hidden, heads, 'derived');
  return {
    modelType: 'gpt2',
    hidden,
    vocab: f.int('vocab_size', 50257, FIELD_CAPS.vocab),
    layers: Array.from({ length: numLayers }, () => ({ attention: { kind: 'full' }, mlp: 'dense' })),
    attention: attentionOf(
      {
        hidden,
        vocab: 0,
        numLayers,
        intermediate,
        heads,
        kvHeads: heads,
        headDim,
        headDimStated,
        maxPositions: positions,
        tied: true,
        activation: 'gelu_new',
      },
      { qkvBias: true, outBias: true },
    ),
    mlp: { gated: false, activation: f.text('activation_function', 'gelu_new'), intermediate, bias: true },
    norm: { kind: 'layer', bias: true, perLayer: 2, final: true },
    tiedEmbeddings: f.bool('tie_word_embeddings', true),
    learnedPositions: positions,
    maxPositions: positions,
  };
}

/**
 * Reads OPT configs: like GPT-2 with `hidden_size`, `ffn_dim`, ReLU, and learned positions with
 * 2 extra rows (OPTLearnedPositionalEmbedding offset). Zhang et al. 2022; transformers OPTConfig.
 */
export function readOpt(f: ConfigFields): Omit<Architecture, 'defaults' | 'notes'> {
  const hidden = f.int('hidden_size', 768, FIELD_CAPS.size);
  const heads = f.int('num_attention_heads', 12, FIELD_CAPS.heads);
  const numLayers = f.int('num_hidden_layers', 12, FIELD_CAPS.layers);
  const positions = f.int('max_position_embeddings', 2048, FIELD_CAPS.positions);
  const intermediate = f.int('ffn_dim', 3072, FIELD_CAPS.size);
  const bias = f.bool('enable_bias', true);
  const { headDim, headDimStated } = readHeadDim(f, hidden, heads, 'derived');
  return {
    modelType: 'opt',
    hidden,
    vocab: f.int('vocab_size', 50272, FIELD_CAPS.vocab),
    layers: Array.from({ length: numLayers }, () => ({ attention: { kind: 'full' }, mlp: 'dense' })),
    attention: attentionOf(
      {
        hidden,
        vocab: 0,
        numLayers,
        intermediate,
        heads,
        kvHeads: heads,
        headDim,
        headDimStated,
        maxPositions: positions,
        tied: true,
        activation: 'relu',
      },
      { qkvBias: bias, outBias: bias },
    ),
    mlp: { gated: false, activation: f.text('activation_function', 'relu'), intermediate, bias },
    norm: { kind: 'layer', bias: true, perLayer: 2, final: f.bool('do_layer_norm_before', true) },
    tiedEmbeddings: f.bool('tie_word_embeddings', true),
    learnedPositions: positions + 2,
    maxPositions: positions,
  };
}
