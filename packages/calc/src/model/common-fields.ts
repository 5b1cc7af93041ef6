import { UserError } from '@mlsys/errors';
import type { AttentionSpec, LayerAttention, LayerSpec } from './architecture.js';
import { type ConfigFields, FIELD_CAPS } from './config-fields.js';

/** Defaults of one model type's reference configuration class (transformers `configuration_<type>.py`). */
export interface TypeDefaults {
  vocab: number;
  hidden: number;
  intermediate: number;
  layers: number;
  heads: number;
  /** Default KV heads; `'heads'` when the class falls back to num_attention_heads (MHA). */
  kvHeads: number | 'heads';
  /**
   * Default head_dim; `'derived'` when the class computes hidden_size // num_attention_heads;
   * `'mla'` when head sizes come from MLA fields instead.
   */
  headDim: number | 'derived' | 'mla';
  maxPositions: number;
  tied: boolean;
  activation: string;
}

/** The fields nearly every decoder config shares, read with one model type's defaults. */
export interface CommonFields {
  hidden: number;
  vocab: number;
  numLayers: number;
  intermediate: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  headDimStated: boolean;
  maxPositions: number;
  tied: boolean;
  activation: string;
}

/** Reads the shared decoder fields (`hidden_size`, `num_key_value_heads`, `head_dim`, …). */
export function readCommon(f: ConfigFields, d: TypeDefaults): CommonFields {
  const hidden = f.int('hidden_size', d.hidden, FIELD_CAPS.size);
  const heads = f.int('num_attention_heads', d.heads, FIELD_CAPS.heads);
  const kvHeads = f.int('num_key_value_heads', d.kvHeads === 'heads' ? heads : d.kvHeads, FIELD_CAPS.heads);
  const { headDim, headDimStated } =
    d.headDim === 'mla' ? { headDim: 0, headDimStated: false } : readHeadDim(f, hidden, heads, d.headDim);
  return {
    hidden,
    vocab: f.int('vocab_size', d.vocab, FIELD_CAPS.vocab),
    numLayers: f.int('num_hidden_layers', d.layers, FIELD_CAPS.layers),
    intermediate: f.int('intermediate_size', d.intermediate, FIELD_CAPS.size),
    heads,
    kvHeads,
    headDim,
    headDimStated,
    maxPositions: f.int('max_position_embeddings', d.maxPositions, FIELD_CAPS.positions),
    tied: f.bool('tie_word_embeddings', d.tied),
    activation: f.has('hidden_activation')
      ? f.text('hidden_activation', d.activation)
      : f.text('hidden_act', d.activation),
  };
}

/**
 * `head_dim` as stated; else the type's default; else hidden // heads (recorded as derived). Never
 * derived when the config states it: hidden / heads is wrong for Gemma 2/3, Qwen3 and gpt-oss.
 */
export function readHeadDim(
  f: ConfigFields,
  hidden: number,
  heads: number,
  fallback: number | 'derived',
): { headDim: number; headDimStated: boolean } {
  if (f.has('head_dim'))
    return { headDim: f.int('head_dim', undefined, FIELD_CAPS.size), headDimStated: true };
  if (fallback !== 'derived')
    return { headDim: f.int('head_dim', fallback, FIELD_CAPS.size), headDimStated: false };
  const headDim = Math.max(1, Math.floor(hidden / heads));
  f.note('head_dim', `${headDim} (hidden_size ${hidden} / num_attention_heads ${heads})`);
  return { headDim, headDimStated: false };
}

/** Standard attention with the given options (no biases, no norms, no sinks unless stated). */
export function attentionOf(c: CommonFields, options: Partial<AttentionSpec> = {}): AttentionSpec {
  return {
    heads: c.heads,
    kvHeads: c.kvHeads,
    headDim: c.headDim,
    headDimStated: c.headDimStated,
    qkvBias: false,
    outBias: false,
    qkNorm: 'none',
    sinks: false,
    ...options,
  };
}

/**
 * Layer kinds from an explicit `layer_types` list (`full_attention`, `sliding_attention`,
 * `chunked_attention`), or `undefined` when the config has none.
 */
export function layerTypesFromConfig(
  f: ConfigFields,
  numLayers: number,
  sizes: { window?: number | null; chunk?: number | null },
): LayerAttention[] | undefined {
  const types = f.textList('layer_types');
  if (types === undefined || types.length === 0) return undefined;
  if (types.length !== numLayers) {
    throw new ConfigShapeError(
      `"layer_types" lists ${types.length} layers but "num_hidden_layers" is ${numLayers}.`,
    );
  }
  return types.map((type) => {
    if (type === 'full_attention') return { kind: 'full' };
    if (type === 'sliding_attention' && sizes.window) return { kind: 'sliding', window: sizes.window };
    if (type === 'chunked_attention' && sizes.chunk) return { kind: 'chunked', chunk: sizes.chunk };
    throw new ConfigShapeError(
      `"layer_types" has "${type.slice(0, 32)}", which this reader does not know or which lacks its size.`,
    );
  });
}

/** Every layer with the same attention kind and MLP kind. */
export function uniformLayers(
  numLayers: number,
  attention: LayerAttention,
  mlp: LayerSpec['mlp'],
): LayerSpec[] {
  return Array.from({ length: numLayers }, () => ({ attention, mlp }));
}

/** Attention for a model with an optional uniform sliding window. */
export function windowed(window: number | null): LayerAttention {
  return window === null ? { kind: 'full' } : { kind: 'sliding', window };
}

/** A config whose fields contradict each other. */
export class ConfigShapeError extends UserError {
  constructor(message: string) {
    super('calc/inconsistent-config', message);
  }
}
