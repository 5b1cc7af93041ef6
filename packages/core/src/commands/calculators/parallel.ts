import {
  type BytesPerParam,
  type ClusterSpec,
  DEFAULT_NETWORK_GBITS,
  defaultGlobalBatch,
  describeLayout,
  explainLayout,
  type FixedChoices,
  formatCount,
  formatDecimalBytes,
  formatInt,
  formatSig,
  type Layout,
  type ParallelInput,
  parseContextLength,
  parseCount,
  parseGpu,
  parseNumber,
  parsePositiveInt,
  planParallel,
  type Recompute,
  rankingReason,
  suggestWhenNothingFits,
  type ZeroStage,
} from '@mlsys/calc';
import type { StackedBarChartSpec } from '../../reply/chart.js';
import { type CommandSpec, defineCommand } from '../define-command.js';
import { option } from '../option.js';
import { calculatorReply } from './calculator-reply.js';
import { parseModel } from './model-option.js';
import { parallelModel } from './parallel-model.js';

const int =
  (what: string, example: string, max = 1_000_000) =>
  (raw: string) =>
    parsePositiveInt(raw, { what, example, max });

/** Layouts listed in a channel reply; `--json` carries up to 20. */
const SHOWN = 8;

/**
 * `/parallel llama-3.1-70b gpus=64 gpu=h100 [tp=8 pp=4 zero=1 …]`: searches 3D-parallel layouts
 * (TP × PP × DP, ZeRO, micro-batching, interleaving, recomputation), ranks those that fit in GPU memory,
 * or evaluates the pinned one, with the memory breakdown and a GPU grid.
 */
export const parallelCommand: CommandSpec = defineCommand({
  name: 'parallel',
  description: 'Plan TP/PP/DP + ZeRO + recomputation for training: memory per GPU, bubble, comms',
  options: {
    model: option({
      description: 'Registry model (llama-3.1-70b, gpt-3-175b, …) or a pasted config.json; or give params=',
      positional: true,
      complete: 'model',
      example: 'llama-3.1-70b',
      parse: parseModel,
    }),
    params: option({
      description: 'Parameter count when no model is named (70b, 1t)',
      example: '1t',
      // 1e15: a thousand times the largest dense models; keeps derived shapes sane.
      parse: (raw) => parseCount(raw, { what: 'a parameter count', example: '70b', max: 1e15 }),
    }),
    layers: option({
      description: 'Layers (with params=)',
      kind: 'integer',
      example: '80',
      parse: int('the layer count', '80', 10_000),
    }),
    hidden: option({
      description: 'Hidden size (with params=)',
      kind: 'integer',
      example: '8192',
      parse: int('the hidden size', '8192'),
    }),
    heads: option({
      description: 'Attention heads (with params=)',
      kind: 'integer',
      example: '64',
      parse: int('the head count', '64'),
    }),
    vocab: option({
      description: 'Vocabulary size (with params=)',
      kind: 'integer',
      example: '128256',
      parse: int('the vocabulary size', '128256', 10_000_000),
    }),
    gpus: option({
      description: 'GPUs in the job',
      kind: 'integer',
      required: true,
      example: '1024',
      parse: int('the GPU count', '1024'),
    }),
    gpu: option({
      description: 'GPU model (h100, a100, b200, mi300x, …)',
      default: 'h100',
      complete: 'gpu',
      parse: parseGpu,
    }),
    gpus_per_node: option({
      description: 'GPUs per node (TP stays inside a node)',
      kind: 'integer',
      default: '8',
      parse: int('GPUs per node', '8', 1024),
    }),
    seq: option({
      description: 'Sequence length in tokens (4k, 8192)',
      default: '4096',
      parse: parseContextLength,
    }),
    global_batch: option({
      description: 'Sequences per optimizer step (default ≈4M tokens)',
      kind: 'integer',
      example: '1024',
      parse: int('the global batch', '1024'),
    }),
    micro_batch: option({
      description: 'Pin the micro-batch size',
      kind: 'integer',
      example: '1',
      parse: int('the micro-batch size', '1', 4096),
    }),
    tp: option({
      description: 'Pin tensor parallelism',
      kind: 'integer',
      example: '8',
      parse: int('the TP size', '8', 4096),
    }),
    pp: option({
      description: 'Pin pipeline parallelism',
      kind: 'integer',
      example: '4',
      parse: int('the PP size', '4', 4096),
    }),
    zero: option({
      description: 'Pin the ZeRO stage',
      choices: ['0', '1', '2', '3'],
      example: '1',
      parse: (raw) => Number(raw) as ZeroStage,
    }),
    interleave: option({
      description: 'Pin virtual pipeline stages per GPU (v)',
      kind: 'integer',
      example: '2',
      parse: int('the interleaving degree', '2', 1024),
    }),
    recompute: option({
      description: 'Pin activation recomputation',
      choices: ['none', 'selective', 'full'],
      example: 'selective',
      parse: (raw) => raw as Recompute,
    }),
    bytes_per_param: option({
      description: 'Model-state convention: 16 (ZeRO paper) or 18 (fp32 grads, Megatron)',
      default: '16',
      choices: ['16', '18'],
      parse: (raw) => Number(raw) as BytesPerParam,
    }),
    sp: option({
      description: 'Sequence parallelism with TP',
      default: 'on',
      choices: ['on', 'off'],
      parse: (raw) => raw === 'on',
    }),
    network: option({
      description: 'Inter-node bandwidth per GPU, Gb/s',
      kind: 'number',
      default: String(DEFAULT_NETWORK_GBITS),
      parse: (raw) =>
        parseNumber(raw, { what: 'the network bandwidth in Gb/s', min: 1, max: 100_000, example: '400' }),
    }),
  },
  examples: [
    'llama-3.1-70b gpus=64 gpu=h100',
    'params=1t gpus=4096 gpu=h100',
    'gpt-3-175b gpus=1024 gpu=a100 tp=8 pp=8',
  ],
  cost: 2,
  run: (input) => {
    const gpu = input.gpu;
    const seq = input.seq;
    const bytesPerParam = input.bytes_per_param;
    const resolved = parallelModel(input);
    const cluster: ClusterSpec = {
      gpus: input.gpus,
      gpusPerNode: input.gpus_per_node,
      gpuName: gpu.name,
      memoryBytes: gpu.memoryBytes,
      peakFlops: gpu.bf16Flops,
      intraNodeBandwidth: gpu.interconnect.bandwidth / 2,
      interNodeBandwidth: (input.network * 1e9) / 8,
    };
    const fixed: FixedChoices = {};
    if (input.tp !== undefined) fixed.tp = input.tp;
    if (input.pp !== undefined) fixed.pp = input.pp;
    if (input.zero !== undefined) fixed.zero = input.zero;
    if (input.micro_batch !== undefined) fixed.microBatch = input.micro_batch;
    if (input.interleave !== undefined) fixed.interleave = input.interleave;
    if (input.recompute !== undefined) fixed.recompute = input.recompute;
    const plan: ParallelInput = {
      model: resolved.shape,
      cluster,
      seq,
      globalBatch: input.global_batch ?? defaultGlobalBatch(seq),
      bytesPerParam,
      sequenceParallel: input.sp,
      fixed,
    };
    return parallelReply(plan, resolved.notes, [gpu.source, ...resolved.sources]);
  },
});

function parallelReply(input: ParallelInput, modelNotes: readonly string[], sources: readonly string[]) {
  const plan = planParallel(input);
  const { model, cluster } = input;
  const shown = plan.best ?? plan.closest;
  const memory = formatDecimalBytes(cluster.memoryBytes);
  const summary = plan.best
    ? `**${describeLayout(plan.best)}**: ${formatDecimalBytes(plan.best.memoryPerGpuBytes.total)} of ${memory} per GPU, bubble ${formatSig(plan.best.bubbleFraction * 100, 2)}%`
    : `**Nothing fits** in ${memory} per GPU among ${formatInt(plan.searched)} layouts searched.`;
  const notes: string[] = [];
  if (plan.best) notes.push(rankingReason(plan.layouts));
  else notes.push(...suggestWhenNothingFits(input, plan.closest));
  if (shown && shown.tp > cluster.gpusPerNode) {
    notes.push(
      `tp=${shown.tp} spans nodes of ${cluster.gpusPerNode} GPUs: its all-reduces run at the inter-node bandwidth.`,
    );
  }
  notes.push(
    ...modelNotes,
    `Memory in GB (10^9 B), as on the GPU data sheet; ${input.bytesPerParam} B/param (${input.bytesPerParam === 16 ? 'ZeRO paper: 2 + 2 + 12' : 'Megatron fp32 gradients: 2 + 4 + 12'}). CUDA context, NCCL buffers and allocator fragmentation (often several GB) are not counted.`,
    'Activations: Korthikanti et al. 2022 for a GPT layer (4h MLP, dropout, attention scores stored unless recomputed); FlashAttention-style kernels also avoid the 5as/h term.',
    'Step time and MFU are rough: GEMMs at peak FLOP/s, ring collectives at link bandwidth, no kernel or latency overheads; use them to compare layouts, not to promise throughput.',
  );
  const rows = plan.layouts.slice(0, SHOWN).map((layout, i) => layoutRow(String(i + 1), layout));
  if (!plan.best && plan.closest) rows.push(layoutRow('leanest', plan.closest));
  const bars = (plan.best ? plan.layouts.slice(0, 5) : plan.closest ? [plan.closest] : []).map((layout) => ({
    label: describeLayout(layout),
    values: [
      layout.memoryPerGpuBytes.params,
      layout.memoryPerGpuBytes.grads,
      layout.memoryPerGpuBytes.optimizer,
      layout.memoryPerGpuBytes.activations,
    ].map((bytes) => bytes / 1e9),
  }));
  const memoryChart: StackedBarChartSpec = {
    kind: 'stacked-bar',
    title: `Memory per GPU, ${model.name}`,
    y: { label: 'Memory', unit: 'GB' },
    segments: ['parameters', 'gradients', 'optimizer states', 'activations'],
    bars,
    ceilings: [{ label: cluster.gpuName, y: cluster.memoryBytes / 1e9 }],
  };
  return calculatorReply({
    title: `3D parallelism · ${model.name} on ${formatInt(cluster.gpus)} × ${cluster.gpuName}`,
    summary,
    fields: [
      {
        label: 'Model',
        value: `${formatCount(model.params)} parameters${model.activeParams === undefined ? '' : ` (${formatCount(model.activeParams)} active per token)`}, ${model.layers} layers, h = ${formatInt(model.hidden)}, ${model.heads} heads`,
      },
      {
        label: 'Batch',
        value: `${formatInt(input.globalBatch)} × ${formatInt(input.seq)} tokens = ${formatCount(input.globalBatch * input.seq)} tokens per step`,
      },
      { label: 'Searched', value: `${formatInt(plan.searched)} layouts, ${formatInt(plan.fitting)} fit` },
    ],
    table: {
      columns: [
        { title: '#' },
        { title: 'TP×PP×DP' },
        { title: 'ZeRO', align: 'right' },
        { title: 'b×m', align: 'right' },
        { title: 'v', align: 'right' },
        { title: 'recompute' },
        { title: 'GB/GPU', align: 'right' },
        { title: 'bubble', align: 'right' },
        { title: 'step s (est.)', align: 'right' },
        { title: 'MFU ≤', align: 'right' },
      ],
      rows,
    },
    work: shown ? explainLayout(input, shown) : [],
    notes,
    sources: [
      'Korthikanti et al. 2022, arXiv:2205.05198 (activations)',
      'Rajbhandari et al. 2020, arXiv:1910.02054 (ZeRO)',
      'Narayanan et al. 2021, arXiv:2104.04473 (PTD-P, bubble, FLOPs)',
      ...sources,
    ],
    ...(bars.length > 0
      ? {
          chart: {
            spec: memoryChart,
            alt: `Memory per GPU by component for ${bars.map((bar) => bar.label).join('; ')}`,
          },
        }
      : {}),
    ...(shown
      ? {
          moreCharts: [
            {
              spec: {
                kind: 'gpu-grid' as const,
                title: `${describeLayout(shown)} on ${formatInt(cluster.gpus)} GPUs`,
                tp: shown.tp,
                pp: shown.pp,
                dp: shown.dp,
                gpusPerNode: cluster.gpusPerNode,
              },
              alt: `GPU grid: ${shown.tp}-way tensor, ${shown.pp}-way pipeline, ${shown.dp}-way data parallel, ${cluster.gpusPerNode} GPUs per node`,
            },
          ],
        }
      : {}),
    data: {
      model: {
        name: model.name,
        params: model.params,
        ...(model.activeParams === undefined ? {} : { activeParams: model.activeParams }),
        layers: model.layers,
        hidden: model.hidden,
        heads: model.heads,
        vocab: model.vocab,
        derived: model.derived,
      },
      gpus: cluster.gpus,
      gpu: cluster.gpuName,
      seq: input.seq,
      globalBatch: input.globalBatch,
      bytesPerParam: input.bytesPerParam,
      searched: plan.searched,
      fitting: plan.fitting,
      best: plan.best,
      layouts: plan.layouts,
      closest: plan.closest,
    },
  });
}

function layoutRow(rank: string, layout: Layout): string[] {
  return [
    rank,
    `${layout.tp}×${layout.pp}×${layout.dp}`,
    String(layout.zero),
    `${layout.microBatch}×${layout.microBatches}`,
    String(layout.interleave),
    layout.recompute,
    formatSig(layout.memoryPerGpuBytes.total / 1e9),
    `${formatSig(layout.bubbleFraction * 100, 2)}%`,
    formatSig(layout.estimate.stepSeconds),
    `${formatSig(layout.estimate.mfu * 100, 2)}%`,
  ];
}
