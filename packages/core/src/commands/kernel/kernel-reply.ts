import { formatBinaryBytes, formatInt, formatSig } from '@mlsys/calc';
import type { KernelImplementationResult, KernelRunResult } from '../../ports/kernel-runner.js';
import type { Block, Reply } from '../../reply/reply.js';

/** Output values shown in full up to this many; beyond it, the first {@link PREVIEW_SHOWN}. */
const SMALL_OUTPUT = 64;
const PREVIEW_SHOWN = 8;

/** One implementation with its achieved rates, as `reply.data` carries it. */
export interface KernelImplementationData extends KernelImplementationResult {
  /** Useful GFLOP/s (10⁹ FLOP/s). */
  gflops?: number;
  /** GB/s (10⁹ B/s) of the bytes a perfect kernel moves. */
  gbps?: number;
}

/** The machine-readable result of `/kernel` (`mlsys kernel … --json`). */
export interface KernelReplyData extends Omit<KernelRunResult, 'implementations'> {
  implementations: KernelImplementationData[];
}

/**
 * Lays out a kernel run: what ran, the output for small inputs, each implementation's time, rate
 * and agreement, the graph ops, FLOPs and bytes, and the memory figures.
 */
export function kernelReply(result: KernelRunResult): Reply {
  const data = toKernelReplyData(result);
  const rateTitle = result.boundBy === 'memory' ? 'GB/s' : 'GFLOP/s';
  const rate = (impl: KernelImplementationData) => {
    const value = result.boundBy === 'memory' ? impl.gbps : impl.gflops;
    return value === undefined ? '—' : formatSig(value, 3);
  };
  const onnx = data.implementations.filter((impl) => impl.variant !== 'reference' && impl.status === 'ok');
  const fastest = [...onnx].sort((a, b) => a.ms! - b.ms!)[0];
  const agreeing = onnx.filter((impl) => impl.withinTolerance).length;
  const worst = Math.max(...onnx.map((impl) => impl.maxAbsErr ?? 0));
  const baseline = result.baseline === 'reference' ? 'the float64 plain-TS reference' : 'the composed graph';

  const summary = [
    `\`${paramsText(result)}\``,
    fastest ? `Fastest: **${fastest.id}** ${formatMs(fastest.ms!)}, ${rate(fastest)} ${rateTitle}.` : '',
    onnx.length > 0
      ? `${agreeing} of ${onnx.length} ONNX implementations agree with ${baseline} (max abs err ${formatErr(worst)}).`
      : 'No ONNX implementation runs at these values (the table says why); the output is the plain-TS reference’s.',
  ].filter((line) => line !== '');

  const blocks: Block[] = [
    { type: 'header', text: `Kernel · ${result.kernel}` },
    { type: 'text', text: summary.join('\n') },
  ];
  const output = outputText(result);
  if (output) blocks.push({ type: 'code', text: output });
  blocks.push({
    type: 'table',
    columns: [
      { title: 'Implementation' },
      { title: 'Variant' },
      { title: 'Time', align: 'right' },
      { title: rateTitle, align: 'right' },
      { title: 'Max abs err', align: 'right' },
      { title: 'Agrees' },
    ],
    rows: data.implementations.map((impl) => [
      impl.label,
      impl.variant,
      impl.ms === undefined ? '—' : formatMs(impl.ms),
      rate(impl),
      impl.status !== 'ok' ? '—' : impl.variant === 'reference' ? 'baseline' : formatErr(impl.maxAbsErr ?? 0),
      impl.status === 'ok' ? (impl.withinTolerance ? 'yes' : '**no**') : (impl.note ?? impl.status),
    ]),
  });
  blocks.push({
    type: 'fields',
    fields: [
      { label: 'Useful FLOPs', value: formatInt(result.flops) },
      { label: 'Bytes moved (ideal)', value: formatBinaryBytes(result.bytesMoved) },
      { label: 'Arithmetic intensity', value: `${formatSig(result.flops / result.bytesMoved, 3)} FLOP/B` },
      { label: 'Bound by', value: result.boundBy },
      ...result.memory.map((note) => ({
        label: note.label,
        value: `${formatBinaryBytes(note.bytes)} (\`${note.formula}\`)`,
      })),
    ],
  });
  const ops = data.implementations
    .filter((impl) => impl.ops.length > 0)
    .map((impl) => `${impl.id}: ${impl.ops.join(' · ')}`);
  if (ops.length > 0) blocks.push({ type: 'code', text: `Graph ops\n${ops.join('\n')}` });
  blocks.push({
    type: 'context',
    text: [
      `Time: median of the timed runs after one warm-up, onnxruntime-node CPU with ${result.threads} intra-op thread${result.threads === 1 ? '' : 's'}; the plain-TS reference is timed once. Inputs not given in the command are seeded random values (seed ${result.seed}).`,
      'GFLOP/s counts useful FLOPs only (masked work excluded), 10⁹ FLOP/s; GB/s = 10⁹ B/s of the bytes an ideal kernel moves; KiB/MiB/GiB = 2¹⁰/2²⁰/2³⁰ B.',
      'Agrees: every element within atol + rtol·|baseline| (numpy.allclose), with the kernel’s float32 tolerance.',
    ].join('\n'),
  });

  return {
    visibility: 'public',
    blocks,
    fallbackText: `Kernel ${result.kernel} (${paramsText(result)}): ${summary.slice(1).join(' ').replace(/\*\*/g, '')}`,
    data,
  };
}

/** The result with GFLOP/s and GB/s added to each timed implementation. */
export function toKernelReplyData(result: KernelRunResult): KernelReplyData {
  return {
    ...result,
    implementations: result.implementations.map((impl) => {
      if (impl.ms === undefined || impl.ms <= 0) return { ...impl };
      return { ...impl, gflops: result.flops / (impl.ms * 1e6), gbps: result.bytesMoved / (impl.ms * 1e6) };
    }),
  };
}

function paramsText(result: KernelRunResult): string {
  return Object.entries(result.params)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
    .join(' ');
}

function outputText(result: KernelRunResult): string | undefined {
  if (result.preview.length === 0) return undefined;
  const count = result.outputDims.reduce((product, dim) => product * dim, 1);
  const shape = `[${result.outputDims.join(', ')}]`;
  // Whole-number outputs (token ids, counts, one-hot rows) as they are; others to 4 digits each.
  const format = result.preview.every(Number.isInteger) ? String : (value: number) => formatSig(value, 4);
  if (count <= SMALL_OUTPUT) return `Output ${shape}\n${result.preview.map(format).join(', ')}`;
  const first = result.preview.slice(0, PREVIEW_SHOWN).map(format);
  return `Output ${shape}, first ${PREVIEW_SHOWN} of ${formatInt(count)} values\n${first.join(', ')}, …`;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${formatSig(ms / 1000, 3)} s` : `${formatSig(ms, 3)} ms`;
}

function formatErr(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  return value === 0 ? '0' : value.toExponential(1);
}
