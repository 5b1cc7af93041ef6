import type { WorkStep } from '@mlsys/calc';
import type { ChartSpec } from '../../reply/chart.js';
import type { Block, MarkupText, Reply, TableColumn } from '../../reply/reply.js';

/** The parts of a calculator's answer, in the order a reader needs them. */
export interface CalculatorAnswer {
  /** e.g. `KV cache · Llama-3.1-70B`. */
  title: string;
  /** The headline number in one sentence, e.g. `**40.0 GiB** for 131,072 tokens × batch 1 in bf16`. */
  summary: MarkupText;
  /**
   * Caveats that change what the headline means (a context past the model's maximum, an extrapolated
   * scaling law), shown right under it, each on its own line starting with ⚠️.
   */
  warnings?: readonly MarkupText[];
  /** Inputs and key results as label/value pairs. */
  fields?: { label: string; value: MarkupText }[];
  /** A breakdown table (per layer kind, per component, per layout). */
  table?: { columns: TableColumn[]; rows: string[][] };
  /** The formulas with values filled in. */
  work: readonly WorkStep[];
  /** Conventions, assumptions and defaults applied (units, what "active" means, …). */
  notes?: readonly MarkupText[];
  /** Sources of the formulas and figures. */
  sources?: readonly string[];
  chart?: { spec: ChartSpec; alt: string };
  /** Further charts, shown after `chart` (e.g. a memory breakdown and a GPU grid). */
  moreCharts?: readonly { spec: ChartSpec; alt: string }[];
  /** The machine-readable result (`--json`). */
  data: unknown;
}

/**
 * Lays out a calculator answer as a public {@link Reply}: header, headline, warnings, fields, table,
 * work shown, chart, then notes and sources as small print. One layout for every calculator.
 */
export function calculatorReply(answer: CalculatorAnswer): Reply {
  const blocks: Block[] = [
    { type: 'header', text: answer.title },
    { type: 'text', text: answer.summary },
  ];
  for (const warning of answer.warnings ?? []) blocks.push({ type: 'text', text: `⚠️ ${warning}` });
  if (answer.fields && answer.fields.length > 0) blocks.push({ type: 'fields', fields: answer.fields });
  if (answer.table) blocks.push({ type: 'table', ...answer.table });
  if (answer.work.length > 0) blocks.push({ type: 'code', text: workToText(answer.work) });
  if (answer.chart) blocks.push({ type: 'chart', chart: answer.chart.spec, alt: answer.chart.alt });
  for (const chart of answer.moreCharts ?? [])
    blocks.push({ type: 'chart', chart: chart.spec, alt: chart.alt });
  const small = [...(answer.notes ?? []), ...(answer.sources ?? []).map((source) => `Source: ${source}`)];
  if (small.length > 0) blocks.push({ type: 'context', text: small.join('\n') });
  return {
    visibility: 'public',
    blocks,
    fallbackText: `${answer.title}: ${answer.summary.replace(/\*\*|`/g, '')}`,
    data: answer.data,
  };
}

/**
 * Work shown as aligned text lines: `label` then `formula = substituted = result`.
 *
 * @example
 * KV bytes per token
 *   2 · L · n_kv · d_head · b = 2 · 80 · 8 · 128 · 2 B = 327,680 B
 */
export function workToText(work: readonly WorkStep[]): string {
  return work
    .map((step) => `${step.label}\n  ${step.formula} = ${step.substituted} = ${step.result}`)
    .join('\n');
}
