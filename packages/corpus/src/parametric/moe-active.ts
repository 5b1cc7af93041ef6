import { countParams, formatCount, modelById, readConfig } from '@mlsys/calc';
import type { Question } from '../schema/corpus-file-schema.js';
import { choiceQuestion, pick } from './choice-question.js';
import type { ParametricGenerator } from './parametric-generator.js';

/**
 * MoE models whose text-model counts match the published totals (formulas.md "Parameter counts").
 * Llama 4 is left out: its published 109B/400B include the vision encoder.
 */
export const MOE_MODELS = [
  'mixtral-8x7b',
  'mixtral-8x22b',
  'qwen3-30b-a3b',
  'qwen3-235b-a22b',
  'dbrx',
  'olmoe-1b-7b',
  'deepseek-v3',
  'gpt-oss-20b',
  'gpt-oss-120b',
  'qwen1.5-moe-a2.7b',
] as const;

/**
 * Total and active parameters of a real MoE model, from `countParams` of `@mlsys/calc`, as pairs.
 * Distractors: every expert counted as active; everything scaled by k/E (attention and embeddings are
 * not per-expert); only the experts counted as active; the total guessed as E/k × active.
 *
 * @throws Error when the model is not an MoE model of the registry (a programming error).
 */
export function moeActiveQuestion(model: (typeof MOE_MODELS)[number], id: string): Question {
  const entry = modelById(model);
  if (!entry) throw new Error(`moe generator: ${model} is not in the registry`);
  const arch = readConfig(entry.config);
  if (!arch.moe) throw new Error(`moe generator: ${model} has no experts`);
  const count = countParams(arch);
  const { experts, topK, sharedExperts } = arch.moe;
  const moeLayers = arch.layers.filter((layer) => layer.mlp === 'moe').length;
  const row = (component: string) => count.rows.find((r) => r.component === component);
  const expertsActive = (row('routed experts')?.active ?? 0) + (row('shared experts')?.active ?? 0);
  const pair = (total: number, active: number) =>
    `${formatCount(total)} total / ${formatCount(active)} active`;

  const shared =
    sharedExperts > 0 ? ` plus ${sharedExperts} shared expert${sharedExperts > 1 ? 's' : ''}` : '';
  const prompt =
    `**${entry.name}** has ${experts} routed experts in each of its ${moeLayers} MoE layers and sends every token ` +
    `to ${topK} of them${shared}. How many parameters does it have in total, and how many does one token use ` +
    '(active parameters, counting the input embedding table)?';
  const others = count.active - expertsActive;
  const explanation = [
    `Total counts every expert: ${count.rows.map((r) => `${r.component} ${formatCount(r.total)}`).join(', ')}; ` +
      `sum **${formatCount(count.total)}**.`,
    `A token passes through ${topK} of ${experts} routed experts${shared} in each MoE layer ` +
      `(${formatCount(expertsActive)} of expert weights) and through everything that is not an expert: attention, ` +
      `norms, router, embeddings and output head (${formatCount(others)}). Active: **${formatCount(count.active)}**.`,
    `Without the input embedding table (a lookup, no FLOPs), as some model cards count: ` +
      `${formatCount(count.activeNoInputEmbedding)}.`,
  ].join('\n');

  return choiceQuestion({
    id,
    topic: 'moe',
    subtopic: 'active-parameters',
    difficulty: sharedExperts > 0 || moeLayers < arch.layers.length ? 4 : 3,
    prompt,
    correct: {
      label: pair(count.total, count.active),
      why: `Top-${topK} experts plus all shared weights are active; every expert counts toward the total.`,
    },
    distractors: [
      {
        label: pair(count.total, count.total),
        why: `Counts all ${experts} experts as active; a token uses ${topK}.`,
      },
      {
        label: pair(count.total, (count.total * topK) / experts),
        why: `Scales everything by ${topK}/${experts}; attention and embeddings are not per expert.`,
      },
      {
        label: pair(count.total, expertsActive),
        why: 'Counts only the experts a token uses; attention and embeddings run too.',
      },
      {
        label: pair((count.active * experts) / topK, count.active),
        why: `Scales active by ${experts}/${topK}; experts replace only the MLP, not attention.`,
      },
    ],
    explanation,
    source: `Parameters counted from the official config: ${entry.source}`,
    tags: ['parametric', 'moe', model],
    trap: 'Counting every expert as active, or multiplying the active count by experts/top-k.',
  });
}

/** Total vs active parameters of a real MoE model (topic moe). */
export const moeActiveGenerator: ParametricGenerator = {
  name: 'moe-active',
  topic: 'moe',
  description: 'Total and active parameters of a real mixture-of-experts model',
  generate: (rng, id) => moeActiveQuestion(pick(rng, MOE_MODELS), id),
};
