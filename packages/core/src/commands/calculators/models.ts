import { architectureOf, countParams, formatCount, type ModelEntry, searchModels } from '@mlsys/calc';
import type { Reply } from '../../reply/reply.js';
import { type CommandSpec, defineCommand } from '../define-command.js';
import { option } from '../option.js';
import { calculatorReply } from './calculator-reply.js';

/** `/models [search]`: the model registry, or the models whose id, name, alias or type match. */
export const modelsCommand: CommandSpec = defineCommand({
  name: 'models',
  description: 'List the models the calculators know, or search them',
  options: {
    search: option({
      description: 'Text to look for in ids, names, aliases and model types',
      kind: 'string',
      positional: true,
      example: 'qwen3',
      parse: (raw) => raw.slice(0, 64),
    }),
  },
  examples: ['', 'qwen3', 'deepseek'],
  cost: 1,
  run: (input) => modelsReply(input.search ?? ''),
});

/** The /models reply: one row per model with its size and attention layout. */
export function modelsReply(search: string): Reply {
  const found = searchModels(search);
  const rows = found.map(describe);
  const summary =
    search.trim() === ''
      ? `**${found.length} models** — use an id or alias with /kvcache or /moe, or paste a config.json`
      : found.length === 0
        ? `No model matches "${search.trim()}". Try /models with no search, or paste the model's config.json.`
        : `**${found.length}** model${found.length === 1 ? '' : 's'} match "${search.trim()}"`;
  return calculatorReply({
    title: 'Models',
    summary,
    ...(found.length > 0
      ? {
          table: {
            columns: [
              { title: 'Id' },
              { title: 'Model' },
              { title: 'Params (active)', align: 'right' as const },
              { title: 'Attention' },
            ],
            rows: rows.map((r) => [r.id, r.name, r.params, r.attention]),
          },
        }
      : {}),
    work: [],
    notes: [
      'Params: total (active per token, counting the input embedding table). Every model is stored as its official config.json fields; /kvcache and /moe read them with the same reader as a pasted config.',
    ],
    data: {
      models: rows.map(({ id, name, aliases, modelType, totalParams, activeParams, source }) => ({
        id,
        name,
        aliases,
        modelType,
        totalParams,
        activeParams,
        source,
      })),
    },
  });
}

function describe(entry: ModelEntry) {
  const arch = architectureOf(entry);
  const count = countParams(arch);
  const kinds = new Map<string, number>();
  for (const layer of arch.layers) {
    const a = layer.attention;
    const key =
      a.kind === 'sliding' ? `sliding ${a.window}` : a.kind === 'chunked' ? `chunked ${a.chunk}` : a.kind;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  const heads = arch.mla ? 'MLA' : `${arch.attention.heads}/${arch.attention.kvHeads} heads`;
  const layout = [...kinds].map(([k, n]) => `${n} ${k}`).join(' + ');
  return {
    id: entry.id,
    name: entry.name,
    aliases: entry.aliases,
    modelType: arch.modelType,
    totalParams: count.total,
    activeParams: count.active,
    source: entry.source,
    params:
      count.active === count.total
        ? formatCount(count.total)
        : `${formatCount(count.total)} (${formatCount(count.active)})`,
    attention: `${layout}; ${heads}`,
  };
}
