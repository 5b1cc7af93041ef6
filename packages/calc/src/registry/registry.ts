import { closestNames, UserError } from '@mlsys/errors';
import { LLAMA_MODELS } from './data/llama.js';
import { MISTRAL_DEEPSEEK_MODELS } from './data/mistral-deepseek.js';
import { OTHER_MODELS } from './data/others.js';
import { QWEN_GEMMA_MODELS } from './data/qwen-gemma.js';
import type { ModelEntry } from './model-entry.js';

/** Every registered model, each stored as its official config fields. */
export const MODELS: readonly ModelEntry[] = [
  ...LLAMA_MODELS,
  ...MISTRAL_DEEPSEEK_MODELS,
  ...QWEN_GEMMA_MODELS,
  ...OTHER_MODELS,
];

/**
 * Names that fit several models: the most likely one (the newest of the family people usually mean)
 * and the others, which the reply names.
 */
export const AMBIGUOUS_NAMES: Readonly<Record<string, { id: string; also: readonly string[] }>> = {
  'llama-70b': { id: 'llama-3.1-70b', also: ['llama-3-70b', 'llama-2-70b'] },
  'llama-8b': { id: 'llama-3.1-8b', also: ['llama-3-8b'] },
  'llama-7b': { id: 'llama-2-7b', also: [] },
  'llama-405b': { id: 'llama-3.1-405b', also: [] },
  'llama-1b': { id: 'llama-3.2-1b', also: [] },
  'llama-3b': { id: 'llama-3.2-3b', also: [] },
  'llama-3-405b': { id: 'llama-3.1-405b', also: [] },
  'llama-4': { id: 'llama-4-scout', also: ['llama-4-maverick'] },
  mixtral: { id: 'mixtral-8x7b', also: ['mixtral-8x22b'] },
  mistral: { id: 'mistral-7b-v0.1', also: ['mistral-nemo-12b'] },
  deepseek: { id: 'deepseek-v3', also: ['deepseek-r1', 'deepseek-v2'] },
  v3: { id: 'deepseek-v3', also: [] },
  'gpt-oss': { id: 'gpt-oss-120b', also: ['gpt-oss-20b'] },
  'qwen3-moe': { id: 'qwen3-30b-a3b', also: ['qwen3-235b-a22b'] },
  'qwen-7b': { id: 'qwen2.5-7b', also: [] },
  'qwen-72b': { id: 'qwen2.5-72b', also: [] },
  'gemma-27b': { id: 'gemma-3-27b', also: ['gemma-2-27b'] },
  'gemma-9b': { id: 'gemma-2-9b', also: [] },
  falcon: { id: 'falcon-40b', also: ['falcon-7b', 'falcon-180b'] },
  'phi-3': { id: 'phi-3-mini', also: [] },
  opt: { id: 'opt-13b', also: [] },
};

/** A name resolved to a model. */
export interface ResolvedModel {
  entry: ModelEntry;
  /** Other models the name could mean (an ambiguous name such as `llama-70b`). */
  alsoMatched: ModelEntry[];
}

/** Lower-case, org prefix and chat/instruct suffixes removed, `-` and `.` dropped: a spelling-proof key. */
export function modelKey(name: string): string {
  let text = name.trim().toLowerCase();
  text = text.slice(text.lastIndexOf('/') + 1).replace(/[\s_:]+/g, '-');
  text = text.replace(/^meta-(?=llama)/, '');
  return text.replace(/[-.]/g, '');
}

function stripSuffix(key: string): string {
  return key.replace(/(instruct|chat|hf|it)$/, '');
}

const BY_ID = new Map(MODELS.map((entry) => [entry.id, entry]));
const BY_KEY = new Map<string, { id: string; also: readonly string[] }>();
for (const entry of MODELS) {
  for (const name of [entry.id, ...entry.aliases]) BY_KEY.set(modelKey(name), { id: entry.id, also: [] });
}
for (const [name, target] of Object.entries(AMBIGUOUS_NAMES)) {
  if (!BY_KEY.has(modelKey(name))) BY_KEY.set(modelKey(name), target);
}

/** All names accepted for models: ids, aliases and the ambiguous family names. */
export function modelNames(): string[] {
  return [...MODELS.flatMap((entry) => [entry.id, ...entry.aliases]), ...Object.keys(AMBIGUOUS_NAMES)];
}

/** The model with this exact id. */
export function modelById(id: string): ModelEntry | undefined {
  return BY_ID.get(id);
}

/** The model a name means, or `undefined`. */
export function findModel(name: string): ResolvedModel | undefined {
  if (name.length > 128) return undefined;
  const key = modelKey(name);
  const hit = BY_KEY.get(key) ?? BY_KEY.get(stripSuffix(key));
  if (!hit) return undefined;
  const entry = BY_ID.get(hit.id);
  if (!entry) return undefined;
  return {
    entry,
    alsoMatched: hit.also.map((id) => BY_ID.get(id)).filter((e): e is ModelEntry => e !== undefined),
  };
}

/**
 * Resolves a model name typed by a person: a registry id, an alias (`llama3.1-70b`,
 * `meta-llama/Llama-3.1-70B-Instruct`) or a family name (`llama-70b` → Llama-3.1-70B, also
 * Llama-3-70B and Llama-2-70B).
 *
 * @throws UserError `calc/unknown-model` with the closest ids for an unknown name.
 */
export function resolveModel(name: string): ResolvedModel {
  const found = findModel(name);
  if (found) return found;
  const shown = name.trim().length > 40 ? `${name.trim().slice(0, 40)}…` : name.trim();
  // Models whose names contain what was typed (`8b` → the 8B models) before the closest spellings.
  const containing = name.trim().length >= 2 ? searchModels(name).map((entry) => entry.id) : [];
  const close = closestNames(name.trim().toLowerCase().slice(0, 64), modelNames(), 6);
  const ids = [...new Set([...containing, ...close.map((n) => findModel(n)?.entry.id ?? n)])].slice(0, 3);
  throw new UserError(
    'calc/unknown-model',
    `Unknown model "${shown}". See /models for the list, or paste its config.json.`,
    {
      // A value, not a command line: each command shows it inside its own example.
      example: 'llama-3.1-70b',
      suggestions: ids,
    },
  );
}

/** Models whose id, name, alias or model type contains `query` (all models for an empty query). */
export function searchModels(query = ''): ModelEntry[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...MODELS];
  const compact = modelKey(needle);
  return MODELS.filter((entry) => {
    const type = String(entry.config.model_type ?? '');
    const hay = [entry.id, entry.name.toLowerCase(), type, ...entry.aliases];
    return hay.some((h) => h.includes(needle) || (compact.length > 0 && modelKey(h).includes(compact)));
  });
}
