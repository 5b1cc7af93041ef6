import { formatBinaryBytes, formatDecimalBytes, formatInt } from '../format/format-number.js';
import type { Architecture } from '../model/architecture.js';
import type { WorkStep } from '../work/work-step.js';
import type { KvCacheResult } from './kv-cache.js';

const VLLM = 'Kwon et al. 2023 (vLLM, PagedAttention) §3';

/** The work shown for a KV-cache result: per-layer bytes, each layer kind's total, TP and fit. */
export function kvWork(arch: Architecture, r: KvCacheResult): WorkStep[] {
  const b = r.dtype.bytes;
  const { kvHeads, headDim } = arch.attention;
  const steps: WorkStep[] = [];
  const T = formatInt(r.tokens);
  for (const g of r.groups) {
    if (g.kind === 'mla' && arch.mla) {
      const m = arch.mla;
      steps.push({
        label: `MLA latent per layer per token`,
        formula: '(kv_lora_rank + qk_rope_head_dim) · b',
        substituted: `(${m.kvLoraRank} + ${m.qkRopeHeadDim}) · ${b} B`,
        result: `${formatInt(g.elementsPerToken * b)} B`,
        source: 'DeepSeek-V2 paper §2.1; vLLM MLAAttentionSpec',
      });
      steps.push({
        label: `MLA layers (${g.layers})`,
        formula: 'L · per-layer bytes · T · batch',
        substituted: `${g.layers} · ${formatInt(g.elementsPerToken * b)} B · ${T} · ${r.batch}`,
        result: formatBinaryBytes(g.bytes),
      });
      continue;
    }
    if (g.kind === 'mamba' && arch.mamba) {
      const m = arch.mamba;
      steps.push({
        label: `Mamba state (${g.layers} layers), per sequence, any context`,
        formula: 'L · (d_conv + d_state) · I · b · batch',
        substituted: `${g.layers} · (${m.dConv} + ${m.dState}) · ${formatInt(m.inner)} · ${b} B · ${r.batch}`,
        result: formatBinaryBytes(g.bytes),
        source: 'Jamba (Lieber et al. 2024) §2; transformers HybridMambaAttentionDynamicCache',
      });
      continue;
    }
    const perLayer = g.elementsPerToken * b;
    const kept =
      g.kind === 'sliding'
        ? `min(${T}, W = ${formatInt(g.span ?? 0)})`
        : g.kind === 'chunked'
          ? `min(${T}, C = ${formatInt(g.span ?? 0)})`
          : T;
    const label =
      g.kind === 'full' ? 'full-attention' : g.kind === 'sliding' ? 'sliding-window' : 'chunked-attention';
    steps.push({
      label: `K and V per ${label} layer per token`,
      formula: '2 · n_kv · d_head · b',
      substituted: `2 · ${kvHeads} · ${headDim} · ${b} B`,
      result: `${formatInt(perLayer)} B`,
      source: VLLM,
    });
    steps.push({
      label: `${g.layers} ${label} layer${g.layers === 1 ? '' : 's'}`,
      formula:
        g.kind === 'full'
          ? 'L · bytes/layer/token · T · batch'
          : 'L · bytes/layer/token · tokens kept · batch',
      substituted: `${g.layers} · ${formatInt(perLayer)} B · ${kept} · ${r.batch}`,
      result: formatBinaryBytes(g.bytes),
    });
  }
  if (r.groups.length === 1 && r.groups[0]?.kind === 'full') {
    steps.unshift({
      label: 'KV bytes per token, all layers',
      formula: '2 · L · n_kv · d_head · b',
      substituted: `2 · ${arch.layers.length} · ${kvHeads} · ${headDim} · ${b} B`,
      result: `${formatInt(r.uncappedBytesPerToken)} B (${formatBinaryBytes(r.uncappedBytesPerToken)})`,
      source: VLLM,
    });
  }
  steps.push({
    label: 'Total KV cache',
    formula: r.groups.length > 1 ? 'Σ over layer kinds' : 'as above',
    substituted: `${T} tokens × batch ${r.batch}`,
    result: `${formatInt(r.totalBytes)} B = ${formatBinaryBytes(r.totalBytes)} = ${formatDecimalBytes(r.totalBytes)}`,
  });
  if (r.tp > 1) {
    steps.push({
      label: `Per GPU with tensor parallelism`,
      formula: arch.mla
        ? 'per GPU = whole latent (replicated on every rank)'
        : 'n_kv per GPU = max(n_kv / tp, 1)',
      substituted: arch.mla
        ? `each of ${r.tp} GPUs holds all ${arch.layers.length} layers' latents`
        : `max(${kvHeads} / ${r.tp}, 1) = ${Math.max(kvHeads / r.tp, 1)}`,
      result: formatBinaryBytes(r.perGpuBytes),
    });
  }
  const fit = r.fit;
  if (fit) {
    steps.push({
      label: `Room for KV on one ${fit.gpu.name}`,
      formula: 'memory − reserve − params · b_w / tp',
      substituted: `${formatDecimalBytes(fit.memoryBytes)} − ${formatDecimalBytes(fit.reserveBytes)} − ${formatDecimalBytes(fit.weightBytes * r.tp)} / ${r.tp}`,
      result:
        fit.freeBytes > 0
          ? `${formatDecimalBytes(fit.freeBytes)} (${formatBinaryBytes(fit.freeBytes)})`
          : 'none: the weights alone do not fit',
    });
  }
  return steps;
}
