import type { Architecture } from './architecture.js';
import { attentionOf, readHeadDim } from './common-fields.js';
import { type ConfigFields, FIELD_CAPS } from './config-fields.js';

/** The first of several spellings the config uses (Falcon's old "RefinedWeb" configs use `n_head`, `n_layer`, …). */
function pick(f: ConfigFields, names: string[]): string {
  return names.find((name) => f.has(name)) ?? names[0]!;
}

/**
 * Reads Falcon configs (also the older `RefinedWeb`/`RefinedWebModel` spellings). The new decoder
 * architecture (40B, 180B) has `num_kv_heads` KV heads and two LayerNorms per layer; the old one
 * (7B) is multi-query (one KV head) with one LayerNorm feeding parallel attention and MLP.
 * Defaults: transformers FalconConfig.
 */
export function readFalcon(f: ConfigFields): Omit<Architecture, 'defaults' | 'notes'> {
  const hidden = f.int(pick(f, ['hidden_size', 'n_embd']), 4544, FIELD_CAPS.size);
  const heads = f.int(pick(f, ['num_attention_heads', 'n_head']), 71, FIELD_CAPS.heads);
  const numLayers = f.int(pick(f, ['num_hidden_layers', 'n_layer']), 32, FIELD_CAPS.layers);
  const newArch = f.bool('new_decoder_architecture', false);
  const multiQuery = f.bool(pick(f, ['multi_query']), true);
  const parallel = f.bool('parallel_attn', true);
  // FalconAttention: new architecture → num_kv_heads; else multi_query → 1; else num_attention_heads.
  const kvHeads = newArch
    ? f.int(pick(f, ['num_kv_heads', 'n_head_kv']), heads, FIELD_CAPS.heads)
    : multiQuery
      ? 1
      : heads;
  const { headDim, headDimStated } = readHeadDim(f, hidden, heads, 'derived');
  const bias = f.bool('bias', false);
  const intermediate = f.int('ffn_hidden_size', 4 * hidden, FIELD_CAPS.size);
  const alibi = f.bool('alibi', false);
  const perLayer = newArch ? f.int('num_ln_in_parallel_attn', 2, 2) : parallel ? 1 : 2;
  return {
    modelType: 'falcon',
    hidden,
    vocab: f.int('vocab_size', 65024, FIELD_CAPS.vocab),
    layers: Array.from({ length: numLayers }, () => ({ attention: { kind: 'full' }, mlp: 'dense' })),
    attention: attentionOf(
      {
        hidden,
        vocab: 0,
        numLayers,
        intermediate,
        heads,
        kvHeads,
        headDim,
        headDimStated,
        maxPositions: 0,
        tied: true,
        activation: 'gelu',
      },
      { qkvBias: bias, outBias: bias },
    ),
    mlp: { gated: false, activation: 'gelu', intermediate, bias },
    norm: { kind: 'layer', bias: true, perLayer, final: true },
    tiedEmbeddings: f.bool('tie_word_embeddings', true),
    learnedPositions: 0,
    maxPositions: alibi ? 0 : f.int('max_position_embeddings', 2048, FIELD_CAPS.positions),
  };
}
