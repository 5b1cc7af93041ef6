import type { Architecture, LayerAttention, LayerSpec, MoeSpec } from './architecture.js';
import {
  attentionOf,
  type CommonFields,
  layerTypesFromConfig,
  readCommon,
  type TypeDefaults,
  windowed,
} from './common-fields.js';
import { type ConfigFields, FIELD_CAPS } from './config-fields.js';

// Defaults below are those of transformers' configuration_<type>.py for each model type.
const LLAMA: TypeDefaults = {
  vocab: 32000,
  hidden: 4096,
  intermediate: 11008,
  layers: 32,
  heads: 32,
  kvHeads: 'heads',
  headDim: 'derived',
  maxPositions: 2048,
  tied: false,
  activation: 'silu',
};
const MISTRAL: TypeDefaults = { ...LLAMA, intermediate: 14336, kvHeads: 8, maxPositions: 131072 };
const QWEN2: TypeDefaults = { ...LLAMA, vocab: 151936, intermediate: 22016, maxPositions: 32768 };
const QWEN2_MOE: TypeDefaults = { ...QWEN2, hidden: 2048, intermediate: 5632, layers: 24, heads: 16 };
const QWEN3: TypeDefaults = { ...QWEN2, headDim: 128 };
const QWEN3_MOE: TypeDefaults = { ...QWEN2, hidden: 2048, intermediate: 6144, layers: 24, kvHeads: 4 };
const PHI3: TypeDefaults = { ...LLAMA, vocab: 32064, hidden: 3072, intermediate: 8192, maxPositions: 4096 };
const OLMOE: TypeDefaults = {
  ...LLAMA,
  vocab: 50304,
  hidden: 2048,
  intermediate: 2048,
  layers: 16,
  heads: 16,
  maxPositions: 4096,
};

/** Model types read by {@link readLlamaFamily}, with their transformers config class. */
export const LLAMA_FAMILY: Readonly<Record<string, string>> = {
  llama: 'LlamaConfig',
  mistral: 'MistralConfig',
  mixtral: 'MixtralConfig',
  qwen2: 'Qwen2Config',
  qwen2_moe: 'Qwen2MoeConfig',
  qwen3: 'Qwen3Config',
  qwen3_moe: 'Qwen3MoeConfig',
  phi3: 'Phi3Config',
  olmoe: 'OlmoeConfig',
};

/**
 * Reads Llama-style decoders: llama, mistral, mixtral, qwen2, qwen2_moe, qwen3, qwen3_moe, phi3,
 * olmoe. `best effort` reads an unknown type with Llama's defaults.
 */
export function readLlamaFamily(
  f: ConfigFields,
  modelType: string,
): Omit<Architecture, 'defaults' | 'notes'> {
  switch (modelType) {
    case 'mistral': {
      const c = readCommon(f, MISTRAL);
      const window = f.intOrNull('sliding_window', 4096, FIELD_CAPS.positions);
      return dense(
        f,
        c,
        modelType,
        layerTypesFromConfig(f, c.numLayers, { window }) ?? fill(c, windowed(window)),
      );
    }
    case 'mixtral': {
      const c = readCommon(f, MISTRAL);
      const window = f.intOrNull('sliding_window', null, FIELD_CAPS.positions);
      const moe = moeOf(f, {
        experts: f.int('num_local_experts', 8, FIELD_CAPS.experts),
        topK: f.int('num_experts_per_tok', 2, FIELD_CAPS.experts),
        expertIntermediate: c.intermediate,
      });
      return withMoe(dense(f, c, modelType, fill(c, windowed(window))), moe, () => true);
    }
    case 'qwen2':
    case 'qwen3': {
      const c = readCommon(f, modelType === 'qwen2' ? QWEN2 : QWEN3);
      const arch = dense(f, c, modelType, qwenLayers(f, c));
      if (modelType === 'qwen2')
        arch.attention.qkvBias = true; // Qwen2Attention: q/k/v with bias, o without
      else arch.attention = { ...arch.attention, ...biases(f), qkNorm: 'per-head' };
      return arch;
    }
    case 'qwen2_moe':
    case 'qwen3_moe': {
      const isQwen2 = modelType === 'qwen2_moe';
      const c = readCommon(f, isQwen2 ? QWEN2_MOE : QWEN3_MOE);
      const arch = dense(f, c, modelType, qwenLayers(f, c));
      if (isQwen2) arch.attention.qkvBias = true;
      else arch.attention = { ...arch.attention, ...biases(f), qkNorm: 'per-head' };
      const moe = moeOf(f, {
        experts: f.int('num_experts', isQwen2 ? 60 : 128, FIELD_CAPS.experts),
        topK: f.int('num_experts_per_tok', isQwen2 ? 4 : 8, FIELD_CAPS.experts),
        expertIntermediate: f.int('moe_intermediate_size', isQwen2 ? 1408 : 768, FIELD_CAPS.size),
      });
      if (isQwen2) {
        moe.sharedExperts = 1;
        moe.sharedIntermediate = f.int('shared_expert_intermediate_size', 5632, FIELD_CAPS.size);
        moe.sharedExpertGate = true;
      }
      // Qwen2MoeDecoderLayer / Qwen3MoeDecoderLayer: MoE unless in mlp_only_layers, every decoder_sparse_step.
      const step = f.int('decoder_sparse_step', 1, FIELD_CAPS.layers);
      const denseOnly = new Set(f.intList('mlp_only_layers', FIELD_CAPS.layers) ?? []);
      return withMoe(arch, moe, (i) => !denseOnly.has(i) && moe.experts > 0 && (i + 1) % step === 0);
    }
    case 'phi3': {
      const c = readCommon(f, PHI3);
      const window = f.intOrNull('sliding_window', null, FIELD_CAPS.positions);
      return dense(f, c, modelType, fill(c, windowed(window)));
    }
    case 'olmoe': {
      const c = readCommon(f, OLMOE);
      const arch = dense(f, c, modelType, fill(c, { kind: 'full' }));
      arch.attention = { ...arch.attention, ...biases(f), qkNorm: 'per-projection' };
      const moe = moeOf(f, {
        experts: f.int('num_experts', 64, FIELD_CAPS.experts),
        topK: f.int('num_experts_per_tok', 8, FIELD_CAPS.experts),
        expertIntermediate: c.intermediate,
      });
      return withMoe(arch, moe, () => true);
    }
    default: {
      const c = readCommon(f, LLAMA);
      // LlamaAttention has no sliding window; a best-effort reading of another type honours one.
      const window =
        modelType !== 'llama' && f.has('sliding_window')
          ? f.intOrNull('sliding_window', null, FIELD_CAPS.positions)
          : null;
      const attention =
        (modelType === 'llama' ? undefined : layerTypesFromConfig(f, c.numLayers, { window })) ??
        fill(c, windowed(window));
      const arch = dense(f, c, modelType, attention);
      arch.attention = { ...arch.attention, ...biases(f) };
      arch.mlp.bias = f.bool('mlp_bias', false);
      return arch;
    }
  }
}

/** `attention_bias` puts a bias on q, k, v and o (transformers LlamaAttention and its copies). */
function biases(f: ConfigFields): { qkvBias: boolean; outBias: boolean } {
  const bias = f.bool('attention_bias', false);
  return { qkvBias: bias, outBias: bias };
}

function fill(c: CommonFields, attention: LayerAttention): LayerAttention[] {
  return Array.from({ length: c.numLayers }, () => attention);
}

/** Qwen2/Qwen3 windows: `layer_types` if stated, else sliding from `max_window_layers` on when enabled. */
function qwenLayers(f: ConfigFields, c: CommonFields): LayerAttention[] {
  const enabled = f.bool('use_sliding_window', false);
  const window = enabled ? f.intOrNull('sliding_window', 4096, FIELD_CAPS.positions) : null;
  const stated = layerTypesFromConfig(f, c.numLayers, { window });
  if (stated) return stated;
  if (window === null) return fill(c, { kind: 'full' });
  const from = f.int('max_window_layers', 28, FIELD_CAPS.layers, 0);
  return Array.from({ length: c.numLayers }, (_, i) =>
    i >= from ? { kind: 'sliding', window } : { kind: 'full' },
  );
}

function dense(
  _f: ConfigFields,
  c: CommonFields,
  modelType: string,
  attention: LayerAttention[],
): Omit<Architecture, 'defaults' | 'notes'> {
  const layers: LayerSpec[] = attention.map((a) => ({ attention: a, mlp: 'dense' }));
  return {
    modelType,
    hidden: c.hidden,
    vocab: c.vocab,
    layers,
    attention: attentionOf(c),
    mlp: { gated: true, activation: c.activation, intermediate: c.intermediate, bias: false },
    norm: { kind: 'rms', bias: false, perLayer: 2, final: true },
    tiedEmbeddings: c.tied,
    learnedPositions: 0,
    maxPositions: c.maxPositions,
  };
}

/** An MoE block with the given sizes and no shared experts, router biases or expert biases. */
export function moeOf(
  _f: ConfigFields,
  sizes: Pick<MoeSpec, 'experts' | 'topK' | 'expertIntermediate'>,
): MoeSpec {
  return {
    ...sizes,
    sharedExperts: 0,
    sharedIntermediate: 0,
    sharedExpertGate: false,
    routerBias: false,
    scoreCorrectionBias: false,
    expertBias: false,
  };
}

/** The architecture with `moe` set and the layers for which `isMoe` holds marked as MoE layers. */
export function withMoe(
  arch: Omit<Architecture, 'defaults' | 'notes'>,
  moe: MoeSpec,
  isMoe: (layer: number) => boolean,
): Omit<Architecture, 'defaults' | 'notes'> {
  return {
    ...arch,
    moe,
    layers: arch.layers.map((layer, i) => ({ ...layer, mlp: isMoe(i) ? 'moe' : 'dense' })),
  };
}
