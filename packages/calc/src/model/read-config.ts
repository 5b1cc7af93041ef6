import { UserError } from '@mlsys/errors';
import { formatSig } from '../format/format-number.js';
import type { Architecture } from './architecture.js';
import { asConfigObject, ConfigFields, type RawConfig } from './config-fields.js';
import { readDbrx } from './read-dbrx.js';
import { readDeepseek } from './read-deepseek.js';
import { readFalcon } from './read-falcon.js';
import { readGemma } from './read-gemma.js';
import { readGptOss } from './read-gpt-oss.js';
import { readGpt2, readOpt } from './read-gpt2.js';
import { readJamba } from './read-jamba.js';
import { LLAMA_FAMILY, readLlamaFamily } from './read-llama-family.js';
import { readLlama4 } from './read-llama4.js';

/** `architectures[0]` → model_type, for configs without `model_type`. */
const BY_ARCHITECTURE: Readonly<Record<string, string>> = {
  LlamaForCausalLM: 'llama',
  MistralForCausalLM: 'mistral',
  MixtralForCausalLM: 'mixtral',
  Qwen2ForCausalLM: 'qwen2',
  Qwen2MoeForCausalLM: 'qwen2_moe',
  Qwen3ForCausalLM: 'qwen3',
  Qwen3MoeForCausalLM: 'qwen3_moe',
  Gemma2ForCausalLM: 'gemma2',
  Gemma3ForCausalLM: 'gemma3_text',
  Gemma3ForConditionalGeneration: 'gemma3',
  Phi3ForCausalLM: 'phi3',
  DeepseekV2ForCausalLM: 'deepseek_v2',
  DeepseekV3ForCausalLM: 'deepseek_v3',
  GptOssForCausalLM: 'gpt_oss',
  Llama4ForConditionalGeneration: 'llama4',
  Llama4ForCausalLM: 'llama4_text',
  DbrxForCausalLM: 'dbrx',
  OlmoeForCausalLM: 'olmoe',
  JambaForCausalLM: 'jamba',
  FalconForCausalLM: 'falcon',
  RWForCausalLM: 'falcon',
  GPT2LMHeadModel: 'gpt2',
  OPTForCausalLM: 'opt',
};

/** Model types the reader knows, each with the reference implementation of its defaults. */
export const KNOWN_MODEL_TYPES: readonly string[] = [
  ...Object.keys(LLAMA_FAMILY),
  'gemma2',
  'gemma3',
  'gemma3_text',
  'deepseek_v2',
  'deepseek_v3',
  'gpt_oss',
  'llama4',
  'llama4_text',
  'dbrx',
  'jamba',
  'falcon',
  'gpt2',
  'opt',
];

const LLAMA_LIKE_FIELDS = [
  'hidden_size',
  'num_hidden_layers',
  'num_attention_heads',
  'intermediate_size',
  'vocab_size',
];

/**
 * Reads a Hugging Face `config.json` object into an {@link Architecture}: per-layer attention kind,
 * heads, KV heads, head_dim (stated value wins), MLP and expert sizes, embeddings. Fields the config
 * omits take the defaults of the model type's transformers configuration class, and each default
 * applied is listed in `defaults`. Nested `text_config` (Gemma 3, Llama 4) is read for the text model.
 *
 * @param input an untrusted parsed JSON value
 * @throws UserError for non-objects, absurd or contradictory values, and unknown model types that
 *   lack the fields a Llama-style reading needs.
 */
export function readConfig(input: unknown): Architecture {
  const top = asConfigObject(input);
  const detected = detectModelType(top);
  const notes: string[] = [];
  let modelType = detected;
  let config = top;
  if (
    (detected === 'gemma3' || detected === 'llama4' || !KNOWN_MODEL_TYPES.includes(detected)) &&
    top.text_config !== undefined
  ) {
    config = asConfigObject(top.text_config, '"text_config"');
    if (detected === 'gemma3') modelType = 'gemma3_text';
    else if (detected === 'llama4') modelType = 'llama4_text';
    else modelType = detectModelType(config);
    notes.push('Text model read from the nested "text_config"; the vision tower is not counted.');
  }
  const f = new ConfigFields(config, `transformers ${classNameOf(modelType)}`);
  const arch = readByType(f, modelType, notes);
  checkShape(arch);
  return arch;
}

function readByType(f: ConfigFields, modelType: string, notes: string[]): Architecture {
  const finish = (
    partial: Omit<Architecture, 'defaults' | 'notes'>,
    nested: ConfigFields[] = [],
  ): Architecture => ({
    ...partial,
    defaults: [...f.defaults, ...nested.flatMap((fields) => fields.defaults)],
    notes,
  });
  if (Object.hasOwn(LLAMA_FAMILY, modelType)) return finish(readLlamaFamily(f, modelType));
  switch (modelType) {
    case 'gemma2':
    case 'gemma3_text':
      return finish(readGemma(f, modelType));
    case 'deepseek_v2':
    case 'deepseek_v3': {
      const { arch, mtpLayers } = readDeepseek(f, modelType);
      if (mtpLayers > 0) {
        notes.push(
          `The ${mtpLayers} multi-token-prediction layer(s) ("num_nextn_predict_layers") are not counted: they are not part of the main model.`,
        );
      }
      return finish(arch);
    }
    case 'gpt_oss':
      return finish(readGptOss(f));
    case 'llama4':
    case 'llama4_text':
      return finish(readLlama4(f));
    case 'dbrx': {
      const { arch, nested } = readDbrx(f);
      return finish(arch, nested);
    }
    case 'jamba':
      return finish(readJamba(f));
    case 'falcon':
      return finish(readFalcon(f));
    case 'gpt2':
      return finish(readGpt2(f));
    case 'opt':
      return finish(readOpt(f));
    default:
      return readUnknown(f, modelType, notes);
  }
}

/** Unknown model types: a Llama-style reading when the usual fields are there, clearly labelled. */
function readUnknown(f: ConfigFields, modelType: string, notes: string[]): Architecture {
  const missing = LLAMA_LIKE_FIELDS.filter((field) => !f.has(field));
  if (missing.length > 0) {
    throw new UserError(
      'calc/unknown-model-type',
      `Model type "${modelType.slice(0, 40)}" is not one this calculator knows, and the config lacks ${missing.map((m) => `"${m}"`).join(', ')} for a Llama-style reading.`,
      { example: `a config with model_type one of: ${KNOWN_MODEL_TYPES.join(', ')}` },
    );
  }
  notes.push(
    `Best effort: model type "${modelType.slice(0, 40)}" is not known here; read as a Llama-style decoder (SwiGLU MLP, RMSNorm, full attention unless "layer_types"/"sliding_window" say otherwise).`,
  );
  const partial = readLlamaFamily(
    new ConfigFields(f.config, 'transformers LlamaConfig (best effort)'),
    'unknown',
  );
  return { ...partial, modelType, defaults: [], notes };
}

/** The config's model_type, or one inferred from `architectures` or GPT-2 field names. */
export function detectModelType(config: RawConfig): string {
  const stated = config.model_type;
  if (typeof stated === 'string' && stated.length > 0 && stated.length <= 64) {
    if (stated === 'RefinedWeb' || stated === 'RefinedWebModel') return 'falcon';
    return stated;
  }
  const architectures = config.architectures;
  if (Array.isArray(architectures) && typeof architectures[0] === 'string') {
    const mapped = BY_ARCHITECTURE[architectures[0]];
    if (mapped !== undefined && Object.hasOwn(BY_ARCHITECTURE, architectures[0])) return mapped;
  }
  if (config.n_embd !== undefined && config.n_layer !== undefined) return 'gpt2';
  return 'unknown';
}

function classNameOf(modelType: string): string {
  const names: Record<string, string> = {
    ...LLAMA_FAMILY,
    gemma2: 'Gemma2Config',
    gemma3_text: 'Gemma3TextConfig',
    deepseek_v2: 'DeepseekV2Config',
    deepseek_v3: 'DeepseekV3Config',
    gpt_oss: 'GptOssConfig',
    llama4_text: 'Llama4TextConfig',
    dbrx: 'DbrxConfig',
    jamba: 'JambaConfig',
    falcon: 'FalconConfig',
    gpt2: 'GPT2Config',
    opt: 'OPTConfig',
  };
  return Object.hasOwn(names, modelType) ? names[modelType]! : 'LlamaConfig';
}

function checkShape(arch: Architecture): void {
  const { heads, kvHeads } = arch.attention;
  if (kvHeads > heads) {
    throw new UserError(
      'calc/inconsistent-config',
      `The config has more KV heads (${kvHeads}) than attention heads (${heads}).`,
    );
  }
  const standardAttention = arch.layers.some(
    (l) => l.attention.kind !== 'mla' && l.attention.kind !== 'mamba',
  );
  if (standardAttention && heads % kvHeads !== 0) {
    const [above, below] = nearestDivisors(heads, kvHeads);
    throw new UserError(
      'calc/inconsistent-config',
      `The config has ${heads} attention heads and ${kvHeads} KV heads, but grouped-query attention splits the attention heads evenly over the KV heads: ${heads} / ${kvHeads} = ${formatSig(heads / kvHeads)} is not a whole number.`,
      { example: `"num_key_value_heads": ${above} or ${below}, which divide ${heads}` },
    );
  }
  if (arch.layers.length === 0) throw new UserError('calc/inconsistent-config', 'The config has no layers.');
  if (arch.moe && arch.moe.topK > arch.moe.experts) {
    throw new UserError(
      'calc/inconsistent-config',
      `The config routes each token to ${arch.moe.topK} experts but has only ${arch.moe.experts}.`,
    );
  }
}

/** The divisors of `n` nearest above and below `k ≤ n` (KV-head counts that would make `n` heads valid). */
function nearestDivisors(n: number, k: number): [above: number, below: number] {
  let above = k;
  while (n % above !== 0) above++;
  let below = k;
  while (n % below !== 0) below--;
  return [above, below];
}
