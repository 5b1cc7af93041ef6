import {
  type DtypeId,
  dtypeOf,
  formatInt,
  formatSig,
  GB,
  GIB,
  kvCache,
  modelById,
  readConfig,
} from '@mlsys/calc';
import type { Rng } from '../random/mulberry32.js';
import type { Question } from '../schema/corpus-file-schema.js';
import { choiceQuestion, type Distractor, pick } from './choice-question.js';
import type { ParametricGenerator } from './parametric-generator.js';

/** Models with full attention in every layer, so the whole cache follows 2·L·n_kv·d_head·b per token. */
export const KV_MODELS = [
  'llama-3.1-8b',
  'llama-3.1-70b',
  'llama-3.1-405b',
  'llama-2-7b',
  'llama-2-70b',
  'mistral-nemo-12b',
  'qwen3-8b',
  'qwen3-32b',
  'qwen2.5-72b',
  'mixtral-8x7b',
  'falcon-40b',
  'phi-4',
  'opt-13b',
] as const;

const CONTEXT_KS = [2, 4, 8, 16, 32, 128] as const;
const BATCHES = [1, 4, 8, 16, 32] as const;
const DTYPES: readonly DtypeId[] = ['bf16', 'bf16', 'fp8'];

/** Inputs of a KV-cache question. */
export interface KvCacheParams {
  model: (typeof KV_MODELS)[number];
  /** Context in units of 1,024 tokens ("128k" = 131,072 tokens). */
  contextK: number;
  batch: number;
  dtype: DtypeId;
}

/**
 * The KV cache of a real model at a context and batch, in GiB, from `kvCache` of `@mlsys/calc`
 * (2·L·n_kv·d_head·b per token; Kwon et al. 2023, vLLM §3). Distractors: query heads instead of KV heads
 * (ignoring GQA), the MHA shortcut 2·L·hidden·b, head_dim derived as hidden/heads, GB read as GiB,
 * "128k" taken as 128,000 tokens, K without V, one sequence instead of the batch.
 *
 * @throws Error when the model is not a full-attention model of the registry (a programming error).
 */
export function kvCacheQuestion(params: KvCacheParams, id: string): Question {
  const entry = modelById(params.model);
  if (!entry) throw new Error(`kv-cache generator: ${params.model} is not in the registry`);
  const arch = readConfig(entry.config);
  if (arch.layers.some((layer) => layer.attention.kind !== 'full')) {
    throw new Error(`kv-cache generator: ${params.model} does not use full attention in every layer`);
  }
  const tokens = params.contextK * 1024;
  const dtype = dtypeOf(params.dtype);
  const result = kvCache({ arch, tokens, batch: params.batch, dtype });
  const { heads, kvHeads, headDim, headDimStated } = arch.attention;
  const layers = arch.layers.length;
  const b = dtype.bytes;
  const gib = (bytes: number) => `${formatSig(bytes / GIB)} GiB`;
  const total = result.totalBytes;
  const derivedHeadDim = arch.hidden / heads;

  const distractors: Distractor[] = [
    {
      label: gib((total * heads) / kvHeads),
      why: `Used the ${heads} query heads; only the ${kvHeads} KV heads are cached (GQA).`,
    },
    {
      label: gib((total * arch.hidden) / (kvHeads * headDim)),
      why: `2·L·hidden·b is the MHA shortcut; it ignores the ${kvHeads} KV heads.`,
    },
    {
      label: gib((total * derivedHeadDim) / headDim),
      why: `Derived head_dim as hidden/heads = ${formatSig(derivedHeadDim)}; the config states ${headDim}.`,
    },
    { label: gib((total * GIB) / GB), why: 'That is the size in GB (10^9 B) written as GiB (2^30 B).' },
    {
      label: gib((total * params.contextK * 1000) / tokens),
      why: `Took ${params.contextK}k as ${formatInt(params.contextK * 1000)} tokens; it is ${formatInt(tokens)}.`,
    },
    { label: gib(total / 2), why: 'Counted keys only; values take the same space again (the factor 2).' },
  ];
  if (params.batch > 1) {
    distractors.push({
      label: gib(total / params.batch),
      why: `One sequence; the batch holds ${params.batch}.`,
    });
  }
  // GQA first, then the others in a fixed order: the question must be the same for the same inputs.
  const shown =
    headDimStated && derivedHeadDim !== headDim ? distractors : distractors.filter((_, i) => i !== 2);

  const prompt =
    `**${entry.name}** (config: ${layers} layers, hidden_size ${formatInt(arch.hidden)}, ` +
    `${heads} attention heads, ${kvHeads} KV heads${headDimStated ? `, head_dim ${headDim}` : ''}) serves a batch of ` +
    `${params.batch} sequence${params.batch === 1 ? '' : 's'} at a ${params.contextK}k context with the KV cache in ` +
    `${dtype.label}. How large is the KV cache of the whole batch, in GiB?`;
  const explanation = [
    `Per token, every layer caches one key and one value vector per KV head: 2 · L · n_kv · d_head · b = ` +
      `2 · ${layers} · ${kvHeads} · ${headDim} · ${b} B = ${formatInt(result.bytesPerToken)} B.`,
    `${params.contextK}k = ${params.contextK} · 1,024 = ${formatInt(tokens)} tokens; × batch ${params.batch}: ` +
      `${formatInt(result.bytesPerToken)} · ${formatInt(tokens)} · ${params.batch} = ${formatInt(total)} B = ` +
      `**${gib(total)}** (GiB = 2^30 B; that is ${formatSig(total / GB)} GB).`,
    kvHeads === heads
      ? 'This model caches every head (MHA): n_kv = n_heads.'
      : `With ${kvHeads} KV heads shared by ${heads} query heads (GQA), the cache is ${heads / kvHeads}x smaller than MHA.`,
    headDimStated && derivedHeadDim !== headDim
      ? `The config states head_dim ${headDim}; hidden/heads = ${formatSig(derivedHeadDim)} would be wrong here.`
      : '',
  ]
    .filter((line) => line !== '')
    .join('\n');

  return choiceQuestion({
    id,
    topic: 'kv-cache',
    subtopic: 'sizing',
    difficulty: params.batch === 1 && params.dtype === 'bf16' ? 3 : 4,
    prompt,
    correct: {
      label: gib(total),
      why: `2 · ${layers} · ${kvHeads} · ${headDim} · ${b} B per token, for every token of the batch.`,
    },
    distractors: shown,
    explanation,
    source: `Kwon et al. 2023 (vLLM, PagedAttention) §3; ${entry.source}`,
    tags: ['parametric', 'kv-cache', params.model],
    trap: 'Sizing the cache with the query heads instead of the KV heads.',
  });
}

/** Draws realistic inputs: a model, a context within its max_position_embeddings, a batch and a KV dtype. */
export function drawKvCacheParams(rng: Rng): KvCacheParams {
  const model = pick(rng, KV_MODELS);
  const maxTokens = readConfig(modelById(model)!.config).maxPositions;
  const contexts = CONTEXT_KS.filter((k) => k * 1024 <= maxTokens);
  return { model, contextK: pick(rng, contexts), batch: pick(rng, BATCHES), dtype: pick(rng, DTYPES) };
}

/** KV cache of a real model at a context and batch (topic kv-cache). */
export const kvCacheGenerator: ParametricGenerator = {
  name: 'kv-cache-size',
  topic: 'kv-cache',
  description: 'KV cache of a real model at a context and batch, in GiB',
  generate: (rng, id) => kvCacheQuestion(drawKvCacheParams(rng), id),
};
