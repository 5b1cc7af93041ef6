import { UserError } from '@mlsys/errors';
import type { Architecture, LayerSpec } from './architecture.js';
import { attentionOf, readCommon, type TypeDefaults } from './common-fields.js';
import { type ConfigFields, FIELD_CAPS } from './config-fields.js';
import { moeOf } from './read-llama-family.js';

// transformers JambaConfig defaults (the Jamba-v0.1 shape).
const JAMBA: TypeDefaults = {
  vocab: 65536,
  hidden: 4096,
  intermediate: 14336,
  layers: 32,
  heads: 32,
  kvHeads: 8,
  headDim: 'derived',
  maxPositions: 262144,
  tied: false,
  activation: 'silu',
};

/**
 * Reads Jamba configs: attention on layers where `i % attn_layer_period == attn_layer_offset`
 * (1 in 8), Mamba elsewhere; MoE where `i % expert_layer_period == expert_layer_offset` (every 2nd).
 * Lieber et al. 2024, Jamba, §2.
 */
export function readJamba(f: ConfigFields): Omit<Architecture, 'defaults' | 'notes'> {
  const c = readCommon(f, JAMBA);
  const attnPeriod = f.int('attn_layer_period', 8, FIELD_CAPS.layers);
  const attnOffset = f.int('attn_layer_offset', 4, FIELD_CAPS.layers, 0);
  const expertPeriod = f.int('expert_layer_period', 2, FIELD_CAPS.layers);
  const expertOffset = f.int('expert_layer_offset', 1, FIELD_CAPS.layers, 0);
  const dState = f.int('mamba_d_state', 16, FIELD_CAPS.size);
  const dConv = f.int('mamba_d_conv', 4, FIELD_CAPS.size);
  const expand = f.int('mamba_expand', 2, 64);
  const inner = expand * c.hidden;
  const rawRank = f.config.mamba_dt_rank;
  let dtRank: number;
  if (rawRank === undefined || rawRank === null || rawRank === 'auto') {
    dtRank = Math.ceil(c.hidden / 16); // JambaConfig: "auto" → ceil(hidden_size / 16)
    f.note('mamba_dt_rank', `${dtRank} (auto: ceil(hidden_size / 16))`);
  } else if (typeof rawRank === 'number') {
    dtRank = f.int('mamba_dt_rank', undefined, FIELD_CAPS.size);
  } else {
    throw new UserError(
      'calc/bad-config-field',
      'Config field "mamba_dt_rank" should be a whole number or "auto".',
    );
  }
  const layers: LayerSpec[] = Array.from({ length: c.numLayers }, (_, i) => ({
    attention: i % attnPeriod === attnOffset ? { kind: 'full' } : { kind: 'mamba' },
    mlp: i % expertPeriod === expertOffset ? 'moe' : 'dense',
  }));
  const moe = moeOf(f, {
    experts: f.int('num_experts', 16, FIELD_CAPS.experts),
    topK: f.int('num_experts_per_tok', 2, FIELD_CAPS.experts),
    expertIntermediate: c.intermediate,
  });
  return {
    modelType: 'jamba',
    hidden: c.hidden,
    vocab: c.vocab,
    layers,
    attention: attentionOf(c),
    mlp: { gated: true, activation: c.activation, intermediate: c.intermediate, bias: false },
    moe,
    mamba: {
      dState,
      dConv,
      expand,
      inner,
      dtRank,
      convBias: f.bool('mamba_conv_bias', true),
      projBias: f.bool('mamba_proj_bias', false),
      innerNorms: true,
    },
    norm: { kind: 'rms', bias: false, perLayer: 2, final: true },
    tiedEmbeddings: c.tied,
    learnedPositions: 0,
    maxPositions: c.maxPositions,
  };
}
