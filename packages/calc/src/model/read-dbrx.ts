import type { Architecture } from './architecture.js';
import { attentionOf, readHeadDim } from './common-fields.js';
import { asConfigObject, ConfigFields, FIELD_CAPS } from './config-fields.js';
import { moeOf } from './read-llama-family.js';

/**
 * Reads DBRX configs: top-level `d_model`, `n_heads`, `n_layers`, `max_seq_len`, with nested
 * `attn_config` (`kv_n_heads`) and `ffn_config` (`ffn_hidden_size`, `moe_num_experts`,
 * `moe_top_k`). Every layer is MoE; LayerNorms have no bias (transformers DbrxConfig defaults).
 */
export function readDbrx(f: ConfigFields): {
  arch: Omit<Architecture, 'defaults' | 'notes'>;
  nested: ConfigFields[];
} {
  const hidden = f.int('d_model', 2048, FIELD_CAPS.size);
  const heads = f.int('n_heads', 16, FIELD_CAPS.heads);
  const numLayers = f.int('n_layers', 24, FIELD_CAPS.layers);
  const attn = new ConfigFields(
    asConfigObject(f.config.attn_config ?? {}, '"attn_config"'),
    'transformers DbrxAttentionConfig',
  );
  const ffn = new ConfigFields(
    asConfigObject(f.config.ffn_config ?? {}, '"ffn_config"'),
    'transformers DbrxFFNConfig',
  );
  const kvHeads = attn.int('kv_n_heads', 1, FIELD_CAPS.heads);
  const { headDim, headDimStated } = readHeadDim(f, hidden, heads, 'derived');
  const expertIntermediate = ffn.int('ffn_hidden_size', 3584, FIELD_CAPS.size);
  const moe = moeOf(f, {
    experts: ffn.int('moe_num_experts', 4, FIELD_CAPS.experts),
    topK: ffn.int('moe_top_k', 1, FIELD_CAPS.experts),
    expertIntermediate,
  });
  const arch: Omit<Architecture, 'defaults' | 'notes'> = {
    modelType: 'dbrx',
    hidden,
    vocab: f.int('vocab_size', 32000, FIELD_CAPS.vocab),
    layers: Array.from({ length: numLayers }, () => ({ attention: { kind: 'full' }, mlp: 'moe' })),
    attention: attentionOf({
      hidden,
      vocab: 0,
      numLayers,
      intermediate: expertIntermediate,
      heads,
      kvHeads,
      headDim,
      headDimStated,
      maxPositions: 0,
      tied: false,
      activation: 'silu',
    }),
    mlp: { gated: true, activation: 'silu', intermediate: expertIntermediate, bias: false },
    moe,
    norm: { kind: 'layer', bias: false, perLayer: 2, final: true },
    tiedEmbeddings: f.bool('tie_word_embeddings', false),
    learnedPositions: 0,
    maxPositions: f.int('max_seq_len', 2048, FIELD_CAPS.positions),
  };
  return { arch, nested: [attn, ffn] };
}
