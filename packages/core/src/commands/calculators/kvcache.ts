import {
  dtypeOf,
  formatBinaryBytes,
  formatDecimalBytes,
  formatInt,
  type KvCacheResult,
  kvCache,
  parseContextLength,
  parseDtype,
  parseFraction,
  parseGpu,
  parsePositiveInt,
} from '@mlsys/calc';
import type { Reply } from '../../reply/reply.js';
import { type CommandSpec, defineCommand } from '../define-command.js';
import { option } from '../option.js';
import { calculatorReply } from './calculator-reply.js';
import { kvChart } from './kvcache-chart.js';
import { type ModelChoice, modelNotes, modelOption } from './model-option.js';

const KIND_NAMES = {
  full: 'full attention',
  sliding: 'sliding window',
  chunked: 'chunked local',
  mla: 'MLA latent',
  mamba: 'Mamba state',
} as const;

/**
 * `/kvcache <model> <context> [batch=] [dtype=] [tp=] [gpu=]`: KV-cache bytes per token and in total,
 * per layer kind, per GPU under tensor parallelism, and what fits on a GPU next to the weights.
 */
export const kvcacheCommand: CommandSpec = defineCommand({
  name: 'kvcache',
  description: 'KV-cache size for a model, context and batch (per layer kind, TP split, GPU fit)',
  options: {
    model: modelOption(),
    context: option({
      description: 'Tokens per sequence: 128k = 131,072 (k = 1024), or an exact count',
      kind: 'string',
      required: true,
      positional: true,
      example: '128k',
      parse: parseContextLength,
    }),
    batch: option({
      description: 'Sequences held at once',
      kind: 'integer',
      default: '1',
      parse: (raw) => parsePositiveInt(raw, { what: 'the batch size', max: 1_000_000, example: 'batch=8' }),
    }),
    dtype: option({
      description: 'KV-cache element type: fp32, fp16, bf16, fp8, int8, int4',
      kind: 'string',
      default: 'bf16',
      complete: 'dtype',
      parse: parseDtype,
    }),
    tp: option({
      description: 'Tensor-parallel degree (splits KV heads across GPUs)',
      kind: 'integer',
      default: '1',
      parse: (raw) =>
        parsePositiveInt(raw, { what: 'the tensor-parallel degree', max: 1024, example: 'tp=8' }),
    }),
    gpu: option({
      description: 'GPU to fit on next to the weights (h100, a100, h200, b200, mi300x, l4, 4090, …)',
      kind: 'string',
      complete: 'gpu',
      example: 'h100',
      parse: parseGpu,
    }),
    weights: option({
      description: 'Weight element type for the GPU fit',
      kind: 'string',
      default: 'bf16',
      complete: 'dtype',
      parse: parseDtype,
    }),
    reserve: option({
      description: 'Share of GPU memory held back for activations and overhead (0.1 or 10%)',
      kind: 'number',
      default: '0',
      parse: (raw) =>
        parseFraction(raw, {
          what: 'the memory reserve',
          allowZero: true,
          allowOne: false,
          example: 'reserve=10%',
        }),
    }),
  },
  examples: [
    'llama-70b 128k',
    'deepseek-v3 32k batch=8 dtype=fp8',
    'llama-3.1-70b 128k tp=8 gpu=h100',
    'gemma-3-27b 131072',
  ],
  cost: 1,
  run: (input) => {
    const choice = input.model;
    const result = kvCache({
      arch: choice.arch,
      tokens: input.context,
      batch: input.batch ?? 1,
      dtype: input.dtype ?? dtypeOf('bf16'),
      tp: input.tp ?? 1,
      ...(input.gpu ? { gpu: input.gpu } : {}),
      weightDtype: input.weights ?? dtypeOf('bf16'),
      reserve: input.reserve ?? 0,
    });
    return kvcacheReply(choice, result);
  },
});

/** The /kvcache reply: headline, fields, a per-layer-kind table, work shown, chart, notes and data. */
export function kvcacheReply(choice: ModelChoice, r: KvCacheResult): Reply {
  const arch = choice.arch;
  const tokens = `${formatInt(r.tokens)} tokens${contextAlias(r.tokens)}`;
  const perGpu = r.tp > 1 ? ` — **${formatBinaryBytes(r.perGpuBytes)} per GPU** at tp=${r.tp}` : '';
  const fields = [
    { label: 'Model', value: choice.name },
    { label: 'Context', value: tokens },
    { label: 'Batch', value: formatInt(r.batch) },
    { label: 'KV dtype', value: `${r.dtype.label} (${r.dtype.bytes} B/element)` },
    { label: 'KV per token', value: perTokenText(r) },
  ];
  if (r.comparison.length > 1) {
    fields.push({
      label: 'Same model as',
      value: r.comparison
        .map(
          (c) =>
            `${c.layout}: ${c.actual ? `**${formatBinaryBytes(c.bytes)}**` : formatBinaryBytes(c.bytes)}`,
        )
        .join(' · '),
    });
  }
  const fit = r.fit;
  if (fit) fields.push({ label: `Fit on ${fit.gpu.name}`, value: fitText(r) });
  const table = {
    columns: [
      { title: 'Layer kind' },
      { title: 'Layers', align: 'right' as const },
      { title: 'Tokens kept', align: 'right' as const },
      { title: 'Per layer per token', align: 'right' as const },
      { title: 'Total', align: 'right' as const },
    ],
    rows: r.groups.map((g) => [
      g.span !== undefined ? `${KIND_NAMES[g.kind]} (${formatInt(g.span)})` : KIND_NAMES[g.kind],
      String(g.layers),
      g.kind === 'mamba' ? 'fixed state' : formatInt(g.kept),
      g.kind === 'mamba'
        ? `${formatBinaryBytes(g.stateElements * r.dtype.bytes)} per sequence`
        : `${formatInt(g.elementsPerToken * r.dtype.bytes)} B`,
      formatBinaryBytes(g.bytes),
    ]),
  };
  const notes = [...r.notes, ...modelNotes(choice)];
  if (fit) {
    notes.push(
      `GPU memory as on the data sheet: ${fit.gpu.memory.value} ${fit.gpu.memory.unit} = ${formatInt(fit.memoryBytes)} B (drivers often expose a little more); weights ${formatInt(fit.weightBytes * r.tp)} B in ${fit.weightDtype.label} split evenly over tp=${r.tp}; ${fit.reserveBytes > 0 ? `${formatDecimalBytes(fit.reserveBytes)} held back` : 'no reserve for activations, CUDA context or fragmentation (add reserve=10%)'}.`,
    );
  }
  const sources = ['Kwon et al. 2023 (vLLM, PagedAttention) §3', choice.source];
  if (arch.mla) sources.push('DeepSeek-V2 paper §2.1 (MLA)');
  if (arch.layers.some((l) => l.attention.kind === 'sliding'))
    sources.push('Jiang et al. 2023 (Mistral 7B) §2, rolling buffer cache');
  if (arch.mamba) sources.push('Lieber et al. 2024 (Jamba) §2');
  if (fit) sources.push(fit.gpu.source);
  return calculatorReply({
    title: `KV cache · ${choice.name}`,
    summary: `**${formatBinaryBytes(r.totalBytes)}** (${formatDecimalBytes(r.totalBytes)}) for ${tokens} × batch ${r.batch} in ${r.dtype.label}${perGpu}`,
    warnings: r.warnings,
    fields,
    table,
    work: r.work,
    chart: kvChart({
      arch,
      modelName: choice.name,
      tokens: r.tokens,
      batch: r.batch,
      dtype: r.dtype,
      tp: r.tp,
      fit,
      maxContext: r.maxContext,
    }),
    notes,
    sources,
    data: kvcacheData(choice, r),
  });
}

function contextAlias(tokens: number): string {
  if (tokens >= 1024 && tokens % 1024 === 0) {
    const k = tokens / 1024;
    return k % 1024 === 0 ? ` (${k / 1024}M = ${k / 1024} × 1,048,576)` : ` (${k}k = ${k} × 1,024)`;
  }
  return '';
}

function perTokenText(r: KvCacheResult): string {
  const avg = `${formatInt(Math.round(r.bytesPerToken))} B`;
  if (r.bytesPerToken === r.uncappedBytesPerToken) return `${avg} (${formatBinaryBytes(r.bytesPerToken)})`;
  return `${avg} averaged over this context (${formatInt(r.uncappedBytesPerToken)} B if every layer kept every token)`;
}

/** Two byte counts to the fewest significant digits, 3 or more, that tell them apart (141.1 GB vs 141 GB). */
function distinctBytes(a: number, b: number): [string, string] {
  let digits = 3;
  while (digits < 6 && formatDecimalBytes(a, digits) === formatDecimalBytes(b, digits)) digits++;
  return [formatDecimalBytes(a, digits), formatDecimalBytes(b, digits)];
}

function fitText(r: KvCacheResult): string {
  const fit = r.fit!;
  if (fit.freeBytes <= 0) {
    const [weights, available] = distinctBytes(fit.weightBytes, fit.memoryBytes - fit.reserveBytes);
    return `no: the weights alone (${weights} per GPU) exceed the ${available} available; raise tp= or lower weights=`;
  }
  const verdict = fit.fits ? '**fits**' : '**does not fit**';
  const capped = fit.maxTokensAtContextLimit
    ? ` (the model's maximum context; memory alone would allow ${formatInt(fit.maxTokensByMemory)})`
    : '';
  const n = fit.maxSequences;
  const sequences =
    n === 0
      ? `not one sequence of ${formatInt(r.tokens)} tokens`
      : `up to ${formatInt(n)} sequence${n === 1 ? '' : 's'} of ${formatInt(r.tokens)} tokens`;
  return `${verdict}: ${formatDecimalBytes(fit.freeBytes)} free after weights; ${sequences}, or ${formatInt(fit.maxTokens)} tokens per sequence at batch ${r.batch}${capped}`;
}

function kvcacheData(choice: ModelChoice, r: KvCacheResult): Record<string, unknown> {
  const data: Record<string, unknown> = {
    model: choice.id,
    modelName: choice.name,
    tokens: r.tokens,
    batch: r.batch,
    kvDtype: r.dtype.id,
    bytesPerToken: r.bytesPerToken,
    totalBytes: r.totalBytes,
    uncappedBytesPerToken: r.uncappedBytesPerToken,
    stateBytes: r.stateBytes,
    tp: r.tp,
    layers: r.groups.map((g) => ({
      kind: g.kind,
      span: g.span ?? null,
      layers: g.layers,
      tokensKept: g.kept,
      bytes: g.bytes,
    })),
    comparison: r.comparison,
    maxContextTokens: r.maxContext,
    exceedsMaxContext: r.exceedsMaxContext,
    warnings: r.warnings,
    defaultsApplied: choice.arch.defaults,
  };
  if (r.tp > 1) data.perGpuBytes = r.perGpuBytes;
  if (r.fit) {
    data.fit = {
      gpu: r.fit.gpu.id,
      memoryBytes: r.fit.memoryBytes,
      weightBytesPerGpu: r.fit.weightBytes,
      reserveBytes: r.fit.reserveBytes,
      freeBytes: r.fit.freeBytes,
      fits: r.fit.fits,
      maxSequences: r.fit.maxSequences,
      maxTokens: r.fit.maxTokens,
      maxTokensByMemory: r.fit.maxTokensByMemory,
      maxTokensAtContextLimit: r.fit.maxTokensAtContextLimit,
    };
  }
  return data;
}
