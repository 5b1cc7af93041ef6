import { countParams, formatCount, formatDecimalBytes, formatInt, type ParamCount } from '@mlsys/calc';
import type { Reply } from '../../reply/reply.js';
import { type CommandSpec, defineCommand } from '../define-command.js';
import { calculatorReply } from './calculator-reply.js';
import { type ModelChoice, modelNotes, modelOption } from './model-option.js';

/**
 * `/moe <model>`: total and active parameters with a breakdown (embeddings, head, attention, dense
 * MLP, routed and shared experts, router, norms). Active is given with and without the input
 * embedding table, each labelled. Works for dense models too (active = total).
 */
export const moeCommand: CommandSpec = defineCommand({
  name: 'moe',
  description: 'Total and active parameters of a model, with a breakdown (MoE or dense)',
  options: { model: modelOption() },
  examples: ['mixtral-8x7b', 'deepseek-v3', 'qwen3-30b-a3b', 'llama-4-maverick'],
  cost: 1,
  run: (input) => moeReply(input.model, countParams(input.model.arch)),
});

/** The /moe reply. */
export function moeReply(choice: ModelChoice, count: ParamCount): Reply {
  const arch = choice.arch;
  const moe = arch.moe;
  const moeLayers = arch.layers.filter((l) => l.mlp === 'moe').length;
  const isMoe = moe !== undefined && moeLayers > 0;
  const summary = isMoe
    ? `**${formatCount(count.total)}** total, **${formatCount(count.active)}** active per token (counting the input embedding table; ${formatCount(count.activeNoInputEmbedding)} without it)`
    : `**${formatCount(count.total)}** parameters; dense, so every token uses all of them (${formatCount(count.activeNoInputEmbedding)} without the input embedding table)`;
  const fields = [
    { label: 'Model', value: choice.name },
    { label: 'Total', value: `${formatInt(count.total)} (${formatCount(count.total)})` },
    {
      label: 'Active, with input embeddings',
      value: `${formatInt(count.active)} (${formatCount(count.active)})`,
    },
    {
      label: 'Active, without input embeddings',
      value: `${formatInt(count.activeNoInputEmbedding)} (${formatCount(count.activeNoInputEmbedding)})`,
    },
    { label: 'Weights in bf16', value: `${formatDecimalBytes(count.total * 2)} (2 B per parameter)` },
  ];
  if (isMoe) {
    fields.splice(1, 0, {
      label: 'Experts',
      value: `${moe.experts} routed (top-${moe.topK})${moe.sharedExperts > 0 ? ` + ${moe.sharedExperts} shared` : ''}, d_ff ${formatInt(moe.expertIntermediate)}; MoE on ${moeLayers} of ${arch.layers.length} layers`,
    });
  }
  const table = {
    columns: [
      { title: 'Component' },
      { title: 'Total', align: 'right' as const },
      { title: 'Active per token', align: 'right' as const },
    ],
    rows: count.rows.map((row) => [
      row.component + (row.component === 'output head' && arch.tiedEmbeddings ? ' (tied)' : ''),
      formatCount(row.total),
      formatCount(row.active),
    ]),
  };
  const notes = [
    'Active counts the top-k routed experts plus everything every token passes through: attention, shared experts, routers, norms, the output head and (first figure) the input embedding table.',
    'Some model cards leave the input embedding table out of "active" (it is a lookup, no FLOPs): gpt-oss reports 5.13B for 120b that way; Mixtral\'s 12.9B counts it.',
    ...modelNotes(choice),
  ];
  if (arch.tiedEmbeddings) notes.push('Input and output embeddings are tied: one matrix, counted once.');
  return calculatorReply({
    title: `Parameters · ${choice.name}`,
    summary,
    fields,
    table,
    work: count.work,
    notes,
    sources: [
      'formulas.md "Parameter counts": SwiGLU MLP = 3 matrices; MoE total counts every expert',
      choice.source,
    ],
    data: {
      model: choice.id,
      modelName: choice.name,
      totalParams: count.total,
      activeParams: count.active,
      activeParamsNoInputEmbedding: count.activeNoInputEmbedding,
      breakdown: count.rows,
      experts: isMoe
        ? {
            routed: moe.experts,
            topK: moe.topK,
            shared: moe.sharedExperts,
            moeLayers,
            layers: arch.layers.length,
          }
        : null,
      defaultsApplied: arch.defaults,
    },
  });
}
