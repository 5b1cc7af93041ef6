import { formatBinaryBytes, formatInt } from '../format/format-number.js';
import type { Gpu } from '../gpus/gpu.js';
import type { Architecture } from '../model/architecture.js';
import { countParams } from '../params/count-params.js';
import type { Dtype } from '../units/parse-dtype.js';
import type { WorkStep } from '../work/work-step.js';
import { contextWarning, maxContextOf } from './context-limit.js';
import { type GpuFit, gpuFit } from './gpu-fit.js';
import { type KvGroup, kvLayout, layoutBytes } from './kv-layout.js';
import { kvWork } from './kv-work.js';

/** What to size. */
export interface KvCacheInput {
  arch: Architecture;
  /** Context length in tokens per sequence. */
  tokens: number;
  /** Sequences held at once. */
  batch: number;
  /** Element type of the cache. */
  dtype: Dtype;
  /** Tensor-parallel degree (default 1). */
  tp?: number;
  /** A GPU to fit the cache on, next to the weights. */
  gpu?: Gpu;
  /** Element type of the weights for the fit (default bf16). */
  weightDtype?: Dtype;
  /** Fraction of GPU memory held back for activations, CUDA context and fragmentation (default 0). */
  reserve?: number;
}

/** One layer kind's share of the cache. */
export interface KvGroupBytes extends KvGroup {
  /** Bytes for the whole batch on all GPUs. */
  bytes: number;
}

/** The same model's cache with another KV-head layout (what GQA or MLA saved). */
export interface KvComparison {
  layout: string;
  bytes: number;
  /** True for the model's own layout. */
  actual: boolean;
}

/** A sized KV cache with its breakdown and work shown. */
export interface KvCacheResult {
  tokens: number;
  batch: number;
  dtype: Dtype;
  tp: number;
  /** All layers, whole batch, all GPUs together (KV plus any SSM state), bytes. */
  totalBytes: number;
  /** The share of one GPU of the tp group, bytes (= totalBytes when tp = 1). */
  perGpuBytes: number;
  /** Token-dependent KV bytes per cached token, averaged over this context (state excluded). */
  bytesPerToken: number;
  /** KV bytes per token if every attention layer kept every token (no windows). */
  uncappedBytesPerToken: number;
  /** Fixed SSM state for the whole batch, bytes (Mamba layers). */
  stateBytes: number;
  groups: KvGroupBytes[];
  comparison: KvComparison[];
  /** The model's maximum context in tokens (from its config), or `null` when the config states none. */
  maxContext: number | null;
  /** True when {@link tokens} exceeds {@link maxContext}: the figures are a "what if". */
  exceedsMaxContext: boolean;
  fit?: GpuFit;
  work: WorkStep[];
  notes: string[];
  /** Caveats a reader must see next to the headline (a context longer than the model supports). */
  warnings: string[];
}

/**
 * Sizes the KV cache of a model for `tokens` × `batch`, summed per layer by attention kind, with a
 * tensor-parallel split, an MHA/GQA/MQA (or MLA vs MHA) comparison and, given a GPU, how many tokens
 * and sequences fit next to the weights. A context longer than the model's maximum is still sized, with
 * a warning, and the longest-context fit is capped at that maximum. Bytes per token for full attention: 2·L·n_kv·d_head·b
 * (Kwon et al. 2023, vLLM §3; formulas.md "KV cache").
 */
export function kvCache(input: KvCacheInput): KvCacheResult {
  const { arch, tokens, batch, dtype } = input;
  const tp = input.tp ?? 1;
  const b = dtype.bytes;
  const groups = kvLayout(arch, { tokens, tp: 1 });
  const whole = layoutBytes(groups, batch, b);
  const perGpu = layoutBytes(kvLayout(arch, { tokens, tp }), batch, b);
  const uncapped = groups.reduce((sum, g) => sum + g.layers * g.elementsPerToken * b, 0);
  const totalBytes = Math.ceil(whole.kv + whole.state);
  const maxContext = maxContextOf(arch);
  const warning = contextWarning(tokens, maxContext);
  const result: KvCacheResult = {
    tokens,
    batch,
    dtype,
    tp,
    totalBytes,
    perGpuBytes: Math.ceil(perGpu.kv + perGpu.state),
    bytesPerToken: whole.kv / (tokens * batch),
    uncappedBytesPerToken: uncapped,
    stateBytes: Math.ceil(whole.state),
    groups: groups.map((g) => ({
      ...g,
      bytes: g.layers * (g.elementsPerToken * g.kept + g.stateElements) * batch * b,
    })),
    comparison: compareLayouts(arch, tokens, batch, b),
    maxContext,
    exceedsMaxContext: warning !== undefined,
    work: [],
    notes: [],
    warnings: warning === undefined ? [] : [warning],
  };
  if (input.gpu) {
    const params = countParams(arch).total;
    result.fit = gpuFit({
      arch,
      gpu: input.gpu,
      params,
      tokens,
      batch,
      tp,
      kvBytesPerElement: b,
      weightDtype: input.weightDtype,
      reserve: input.reserve ?? 0,
      maxContext,
    });
  }
  result.work = kvWork(arch, result);
  result.notes = kvNotes(arch, result);
  return result;
}

/** Bytes for one GPU's share at another context and batch (for charts and fits). */
export function kvBytesAt(
  arch: Architecture,
  tokens: number,
  batch: number,
  bytesPerElement: number,
  tp = 1,
): number {
  const { kv, state } = layoutBytes(kvLayout(arch, { tokens, tp }), batch, bytesPerElement);
  return kv + state;
}

function compareLayouts(arch: Architecture, tokens: number, batch: number, b: number): KvComparison[] {
  const bytesWith = (kvHeads: number): number => {
    const { kv, state } = layoutBytes(kvLayout(arch, { tokens, tp: 1, kvHeads }), batch, b);
    return kv + state;
  };
  const hasStandard = arch.layers.some((l) => l.attention.kind !== 'mla' && l.attention.kind !== 'mamba');
  if (arch.mla) {
    // DeepSeek-V2 paper, Table 1: MHA caches 2·n_h·d_h per layer per token; MLA caches d_c + d_h^R.
    const m = arch.mla;
    const mlaLayers = arch.layers.filter((l) => l.attention.kind === 'mla').length;
    const mha = mlaLayers * 2 * arch.attention.heads * m.qkNopeHeadDim * tokens * batch * b;
    return [
      {
        layout: `MLA (latent ${m.kvLoraRank} + RoPE key ${m.qkRopeHeadDim}, this model)`,
        bytes: bytesWith(arch.attention.kvHeads),
        actual: true,
      },
      {
        layout: `MHA with ${arch.attention.heads} heads × d_h ${m.qkNopeHeadDim}`,
        bytes: mha,
        actual: false,
      },
    ];
  }
  if (!hasStandard) return [];
  const { heads, kvHeads } = arch.attention;
  const rows: KvComparison[] = [];
  const name = (n: number): string => `${n} KV head${n === 1 ? '' : 's'}`;
  rows.push({ layout: `MHA (${name(heads)})`, bytes: bytesWith(heads), actual: kvHeads === heads });
  if (kvHeads !== heads && kvHeads !== 1)
    rows.push({ layout: `GQA (${name(kvHeads)}, this model)`, bytes: bytesWith(kvHeads), actual: true });
  rows.push({ layout: `MQA (${name(1)})`, bytes: bytesWith(1), actual: kvHeads === 1 });
  // The common mistake (unsloth PR 4757 for Gemma 3): head_dim taken as hidden / heads and every layer global.
  const derived = Math.floor(arch.hidden / heads);
  const windowed = arch.layers.some((l) => l.attention.kind === 'sliding' || l.attention.kind === 'chunked');
  if (derived !== arch.attention.headDim || windowed) {
    const attentionLayers = arch.layers.filter((l) => l.attention.kind !== 'mamba').length;
    // Name only the assumptions that differ from this model.
    const wrong = [
      ...(derived === arch.attention.headDim ? [] : [`head_dim were hidden/heads = ${derived}`]),
      ...(windowed ? ['every layer were global'] : []),
    ];
    rows.push({
      layout: `if ${wrong.join(' and ')} (a common mistake)`,
      bytes: attentionLayers * 2 * kvHeads * derived * tokens * batch * b,
      actual: false,
    });
  }
  return rows.map((row) =>
    row.actual && !row.layout.includes('this model') ? { ...row, layout: `${row.layout}, this model` } : row,
  );
}

function kvNotes(arch: Architecture, r: KvCacheResult): string[] {
  const notes: string[] = [
    `${formatInt(r.tokens)} tokens per sequence × batch ${r.batch}; KV in ${r.dtype.label} (${r.dtype.bytes} B per element${r.dtype.bytes < 2 ? ', quantisation scales not counted' : ''}).`,
    'GiB = 2^30 bytes; GB = 10^9 bytes.',
  ];
  if (arch.layers.some((l) => l.attention.kind === 'sliding' || l.attention.kind === 'chunked')) {
    notes.push(
      'Sliding-window and chunked layers keep at most their window of tokens; "bytes per token" is averaged over this context.',
    );
  }
  if (arch.mla)
    notes.push(
      'MLA caches the compressed latent once per layer, not per head; with TP it is replicated on every GPU.',
    );
  if (arch.mamba)
    notes.push(
      `Mamba layers keep a fixed state per sequence (${formatBinaryBytes(r.stateBytes)} for the batch), independent of context length.`,
    );
  if (r.tp > 1 && !arch.mla)
    notes.push(
      `TP=${r.tp}: each GPU holds max(n_kv / tp, 1) = ${Math.max(arch.attention.kvHeads / r.tp, 1)} KV head(s) per layer.`,
    );
  return notes;
}

export type { GpuFit };
