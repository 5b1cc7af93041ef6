import { formatCount, formatInt } from '../format/format-number.js';
import type { Architecture } from '../model/architecture.js';
import type { WorkStep } from '../work/work-step.js';
import { attentionParams, mambaParams, mlaParams, mlpParams, normParams } from './layer-params.js';

/** The parts a parameter count is broken into. */
export type ParamComponent =
  | 'input embeddings'
  | 'output head'
  | 'attention'
  | 'mamba'
  | 'dense MLP'
  | 'routed experts'
  | 'shared experts'
  | 'router'
  | 'norms';

/** One row of the breakdown: all parameters of a component and those one token uses. */
export interface ParamRow {
  component: ParamComponent;
  total: number;
  active: number;
}

/** Total and active parameters with a breakdown and the work shown. */
export interface ParamCount {
  /** Every parameter of the main model (all experts). */
  total: number;
  /** Parameters one token uses, counting the input embedding table (Mixtral's 12.9B convention). */
  active: number;
  /** Active parameters without the input embedding table (a lookup, no FLOPs), as some model cards count. */
  activeNoInputEmbedding: number;
  rows: ParamRow[];
  work: WorkStep[];
}

/**
 * Counts parameters of a model read from its config: embeddings, output head (none when tied),
 * attention (MLA's low-rank projections, q/k norms, biases, sinks), Mamba mixers, dense MLPs,
 * routed and shared experts, routers and norms. Active counts top-k routed experts plus everything
 * else a token passes through (formulas.md "Parameter counts"; Jiang et al. 2024 for Mixtral).
 */
export function countParams(arch: Architecture): ParamCount {
  const h = arch.hidden;
  const layers = arch.layers;
  const attnLayers = layers.filter((l) => l.attention.kind !== 'mamba' && l.attention.kind !== 'mla').length;
  const mlaLayers = layers.filter((l) => l.attention.kind === 'mla').length;
  const mambaLayers = layers.filter((l) => l.attention.kind === 'mamba').length;
  const moeLayers = layers.filter((l) => l.mlp === 'moe').length;
  const denseLayers = layers.length - moeLayers;
  const moe = arch.moe;

  const perAttention = attentionParams(arch);
  const perMla = mlaParams(arch);
  const perMamba = mambaParams(arch);
  const perDense = mlpParams(h, arch.mlp);
  const perExpert = moe
    ? mlpParams(h, { gated: true, intermediate: moe.expertIntermediate, bias: moe.expertBias })
    : 0;
  const perShared = moe
    ? moe.sharedExperts * mlpParams(h, { gated: true, intermediate: moe.sharedIntermediate, bias: false }) +
      (moe.sharedExpertGate ? h : 0)
    : 0;
  const perRouter = moe
    ? h * moe.experts + (moe.routerBias ? moe.experts : 0) + (moe.scoreCorrectionBias ? moe.experts : 0)
    : 0;
  const embedding = arch.vocab * h + arch.learnedPositions * h;
  const head = arch.tiedEmbeddings ? 0 : arch.vocab * h;
  const norms =
    layers.length * arch.norm.perLayer * normParams(arch) + (arch.norm.final ? normParams(arch) : 0);

  const both = (component: ParamComponent, total: number, active = total): ParamRow => ({
    component,
    total,
    active,
  });
  const rows: ParamRow[] = [
    both('input embeddings', embedding),
    both('output head', head),
    both('attention', attnLayers * perAttention + mlaLayers * perMla),
    both('mamba', mambaLayers * perMamba),
    both('dense MLP', denseLayers * perDense),
    both(
      'routed experts',
      moe ? moeLayers * moe.experts * perExpert : 0,
      moe ? moeLayers * moe.topK * perExpert : 0,
    ),
    both('shared experts', moeLayers * perShared),
    both('router', moeLayers * perRouter),
    both('norms', norms),
  ].filter((row) => row.total > 0);

  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const active = rows.reduce((sum, row) => sum + row.active, 0);
  const work = paramWork(arch, {
    perAttention,
    perMla,
    perMamba,
    perDense,
    perExpert,
    perShared,
    perRouter,
    embedding,
    head,
    total,
    active,
  });
  return { total, active, activeNoInputEmbedding: active - embedding, rows, work };
}

interface Parts {
  perAttention: number;
  perMla: number;
  perMamba: number;
  perDense: number;
  perExpert: number;
  perShared: number;
  perRouter: number;
  embedding: number;
  head: number;
  total: number;
  active: number;
}

function paramWork(arch: Architecture, p: Parts): WorkStep[] {
  const h = arch.hidden;
  const { heads: H, kvHeads: K, headDim: d } = arch.attention;
  const steps: WorkStep[] = [];
  const step = (
    label: string,
    formula: string,
    substituted: string,
    value: number,
    source?: string,
  ): void => {
    steps.push({
      label,
      formula,
      substituted,
      result: `${formatInt(value)} (${formatCount(value)})`,
      ...(source ? { source } : {}),
    });
  };
  const pos = arch.learnedPositions > 0 ? ` + ${formatInt(arch.learnedPositions)} positions` : '';
  step(
    'Input embeddings',
    arch.learnedPositions > 0 ? '(V + s) · h' : 'V · h',
    arch.learnedPositions > 0
      ? `(${formatInt(arch.vocab)}${pos}) · ${formatInt(h)}`
      : `${formatInt(arch.vocab)} · ${formatInt(h)}`,
    p.embedding,
  );
  if (p.head > 0)
    step('Output head (not tied)', 'V · h', `${formatInt(arch.vocab)} · ${formatInt(h)}`, p.head);
  if (
    p.perAttention > 0 &&
    arch.layers.some((l) => l.attention.kind !== 'mla' && l.attention.kind !== 'mamba')
  ) {
    const a = arch.attention;
    const sum = terms(
      ['h · (H + 2K) · d + H · d · h', `${h} · (${H} + 2 · ${K}) · ${d} + ${H} · ${d} · ${h}`],
      a.qkvBias && ['(H + 2K) · d (q, k, v biases)', `(${H} + 2 · ${K}) · ${d}`],
      a.outBias && ['h (output bias)', `${h}`],
      a.qkNorm === 'per-head' && ['2 · d (q, k norms)', `2 · ${d}`],
      a.qkNorm === 'per-projection' && ['(H + K) · d (q, k norms)', `(${H} + ${K}) · ${d}`],
      a.sinks && ['H (attention sinks)', `${H}`],
    );
    step('Attention per layer (q, k, v, o)', sum.formula, sum.substituted, p.perAttention);
  }
  if (p.perMla > 0 && arch.mla) {
    const m = arch.mla;
    const q =
      m.qLoraRank === null
        ? `${h}·${H}·${m.qkNopeHeadDim + m.qkRopeHeadDim}`
        : `${h}·${m.qLoraRank} + ${m.qLoraRank}·${H}·${m.qkNopeHeadDim + m.qkRopeHeadDim}`;
    const norms =
      m.qLoraRank === null
        ? (['r_kv (latent norm)', `${m.kvLoraRank}`] as const)
        : (['r_q + r_kv (latent norms)', `${m.qLoraRank} + ${m.kvLoraRank}`] as const);
    step(
      'MLA per layer (q down/up, kv down with RoPE key, kv up, out, latent norms)',
      `${m.qLoraRank === null ? 'h·H·(d_nope + d_rope)' : 'h·r_q + r_q·H·(d_nope + d_rope)'} + h·(r_kv + d_rope) + r_kv·H·(d_nope + d_v) + H·d_v·h + ${norms[0]}`,
      `${q} + ${h}·(${m.kvLoraRank} + ${m.qkRopeHeadDim}) + ${m.kvLoraRank}·${H}·(${m.qkNopeHeadDim} + ${m.vHeadDim}) + ${H}·${m.vHeadDim}·${h} + ${norms[1]}`,
      p.perMla,
      'DeepSeek-V2 paper §2.1',
    );
  }
  if (p.perMamba > 0 && arch.mamba)
    step(
      'Mamba mixer per layer',
      'h·2I + I·(R + 2N) + R·I + I·N + I·h + …',
      `I = ${arch.mamba.inner}, N = ${arch.mamba.dState}, R = ${arch.mamba.dtRank}`,
      p.perMamba,
      'Jamba (Lieber et al. 2024); Mamba (Gu and Dao 2023)',
    );
  const denseCount = arch.layers.filter((l) => l.mlp === 'dense').length;
  if (denseCount > 0) {
    const m = arch.mlp.gated ? 3 : 2;
    const sum = terms(
      [`${m} · h · d_ff`, `${m} · ${h} · ${formatInt(arch.mlp.intermediate)}`],
      arch.mlp.bias && mlpBiasTerm(h, arch.mlp.gated, arch.mlp.intermediate),
    );
    step(
      `Dense MLP per layer (${arch.mlp.gated ? 'gated: gate, up, down' : 'up, down'})`,
      sum.formula,
      sum.substituted,
      p.perDense,
    );
  }
  const moe = arch.moe;
  if (moe && arch.layers.some((l) => l.mlp === 'moe')) {
    const expert = terms(
      ['3 · h · d_expert', `3 · ${h} · ${formatInt(moe.expertIntermediate)}`],
      moe.expertBias && mlpBiasTerm(h, true, moe.expertIntermediate, 'd_expert'),
    );
    step('One routed expert', expert.formula, expert.substituted, p.perExpert);
    if (p.perShared > 0) {
      const shared = terms(
        [
          'n_shared · 3 · h · d_shared',
          `${moe.sharedExperts} · 3 · ${h} · ${formatInt(moe.sharedIntermediate)}`,
        ],
        moe.sharedExpertGate && ['h (shared-expert gate)', `${h}`],
      );
      step('Shared expert(s) per MoE layer', shared.formula, shared.substituted, p.perShared);
    }
    // The router's extra vectors, one value per routed expert: gpt-oss's bias, DeepSeek-V3's
    // e_score_correction_bias (DeepseekV3TopkRouter).
    const router = terms(
      ['h · E', `${h} · ${moe.experts}`],
      moe.routerBias && ['E (router bias)', `${moe.experts}`],
      moe.scoreCorrectionBias && ['E (score-correction bias)', `${moe.experts}`],
    );
    step('Router per MoE layer', router.formula, router.substituted, p.perRouter);
  }
  step(
    'Total (all experts)',
    'Σ components',
    `${arch.layers.length} layers + embeddings${p.head > 0 ? ' + head' : ''} + norms`,
    p.total,
  );
  if (moe) {
    const moeLayers = arch.layers.filter((l) => l.mlp === 'moe').length;
    step(
      `Active per token (with input embeddings; top-${moe.topK} of ${moe.experts} routed${moe.sharedExperts ? ` + ${moe.sharedExperts} shared` : ''})`,
      'total − L_moe · (E − k) · one routed expert',
      `${formatInt(p.total)} − ${moeLayers} · (${moe.experts} − ${moe.topK}) · ${formatInt(p.perExpert)}`,
      p.active,
    );
  }
  return steps;
}

/** A formula term in symbols and with values, or `false` when the model lacks it. */
type Term = readonly [formula: string, substituted: string] | false;

/** Terms joined with ` + `, skipping those the model lacks, so the work shown adds up to its result. */
function terms(...parts: Term[]): { formula: string; substituted: string } {
  const present = parts.filter((part): part is readonly [string, string] => part !== false);
  return {
    formula: present.map(([formula]) => formula).join(' + '),
    substituted: present.map(([, substituted]) => substituted).join(' + '),
  };
}

/** The biases of one MLP as `mlpParams` counts them: d_ff per input matrix (2 when gated) + h. */
function mlpBiasTerm(h: number, gated: boolean, intermediate: number, width = 'd_ff'): Term {
  return gated
    ? [`2 · ${width} + h (biases)`, `2 · ${formatInt(intermediate)} + ${h}`]
    : [`${width} + h (biases)`, `${formatInt(intermediate)} + ${h}`];
}
