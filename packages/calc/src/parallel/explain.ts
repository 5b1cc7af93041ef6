import {
  formatCount,
  formatDecimalBytes,
  formatInt,
  formatScientific,
  formatSig,
} from '../format/format-number.js';
import type { WorkStep } from '../work/work-step.js';
import {
  type ActivationDims,
  activationBytesPerLayer,
  chunksInFlight,
  recomputeWorkingBytes,
} from './activations.js';
import type { ClusterSpec } from './cluster.js';
import { activeLayerParams, modelFlopsPerToken, recomputeFlopsPerToken } from './flops.js';
import type { BytesPerParam } from './model-states.js';
import type { Layout } from './planner.js';
import { layerParams, type TransformerShape } from './shape.js';

const KORTHIKANTI = 'Korthikanti et al. 2022, arXiv:2205.05198, Table 2';
const ZERO = 'Rajbhandari et al. 2020 (ZeRO), §5';
const NARAYANAN = 'Narayanan et al. 2021, arXiv:2104.04473, §2.2';
const NARAYANAN_FLOPS =
  'Narayanan et al. 2021, arXiv:2104.04473, Eq. 3 per token; recomputation: Korthikanti et al. 2022, §5';

/** What {@link explainLayout} needs besides the layout. */
export interface ExplainInput {
  model: TransformerShape;
  cluster: ClusterSpec;
  seq: number;
  globalBatch: number;
  bytesPerParam: BytesPerParam;
}

/**
 * The work shown for one layout: parameters per GPU, model states under its ZeRO stage, activations per
 * layer (Korthikanti et al. 2022) and in flight, the bubble, communication and the rough step time.
 */
export function explainLayout(input: ExplainInput, layout: Layout): WorkStep[] {
  const { model, cluster, seq, bytesPerParam } = input;
  const { tp: t, pp: p, dp: d, microBatch: b, microBatches: m, interleave: v } = layout;
  const mem = layout.memoryPerGpuBytes;
  const perLayer = layerParams(model);
  const g = bytesPerParam === 18 ? 4 : 2;
  const work: WorkStep[] = [
    {
      label: 'Parameters per GPU (first stage)',
      formula: 'Ψ_gpu = (L/p) · P_layer / t + V·h / t',
      substituted: `(${model.layers}/${p}) · ${formatCount(perLayer)} / ${t} + ${formatInt(model.vocab)} · ${formatInt(model.hidden)} / ${t}`,
      result: `${formatCount(layout.paramsPerGpu)} parameters`,
    },
    modelStatesStep(layout, bytesPerParam),
  ];
  const dims: ActivationDims = {
    seq,
    microBatch: b,
    hidden: model.hidden,
    heads: model.heads,
    tp: t,
    sequenceParallel: layout.sequenceParallel,
  };
  work.push(activationStep(dims, layout));
  const chunks = chunksInFlight(p, v, m, layout.peakStage === 'first' ? 0 : p - 1);
  const perLayerBytes = activationBytesPerLayer(dims, layout.recompute);
  const inLayers = (chunks * layout.layersPerStage * perLayerBytes) / v;
  const working = recomputeWorkingBytes(dims, layout.recompute);
  const edge = mem.activations - inLayers - working;
  const unit =
    v > 1
      ? `${chunks} chunks · ${formatSig(layout.layersPerStage / v)} layers`
      : `${chunks} micro-batch${chunks === 1 ? '' : 'es'} · ${layout.layersPerStage} layers`;
  work.push({
    label: `Activations on the ${layout.peakStage} stage`,
    formula: `in flight · layers each · per-layer${working > 0 ? ' + recompute working set' : ''} + embedding/logits`,
    substituted: `${unit} · ${formatDecimalBytes(perLayerBytes)}${working > 0 ? ` + ${formatDecimalBytes(working)}` : ''} + ${formatDecimalBytes(edge)}`,
    result: formatDecimalBytes(mem.activations),
    source: 'Korthikanti et al. 2022, §4.2.3 (1F1B keeps p micro-batches on the first stage) and §4.3',
  });
  work.push({
    label: 'Memory per GPU',
    formula: 'params + grads + optimizer + activations',
    substituted: [mem.params, mem.grads, mem.optimizer, mem.activations]
      .map((x) => formatDecimalBytes(x))
      .join(' + '),
    result: `${formatDecimalBytes(mem.total)} of ${formatDecimalBytes(cluster.memoryBytes)} (${layout.fits ? 'fits' : 'does not fit'})`,
  });
  if (p > 1) {
    work.push({
      label: 'Pipeline bubble',
      formula: v > 1 ? '(p − 1) / (v · m)' : '(p − 1) / m',
      substituted: v > 1 ? `(${p} − 1) / (${v} · ${m})` : `(${p} − 1) / ${m}`,
      result: `${formatSig(layout.bubbleFraction * 100)}% of ideal compute time`,
      source: NARAYANAN,
    });
  }
  const comm = layout.commBytesPerGpu;
  if (t > 1) {
    const ops = layout.recompute === 'full' ? 6 : 4;
    work.push({
      label: 'TP traffic per GPU per step',
      formula: `${ops} collectives/layer · 2(t−1)/t · 2sbh · (L/p) · m`,
      substituted: `${ops} · 2·${t - 1}/${t} · 2·${seq}·${b}·${model.hidden} · ${layout.layersPerStage} · ${m}`,
      result: formatDecimalBytes(comm.tp),
      source:
        'Shoeybi et al. 2019 §3 (2 all-reduces forward, 2 backward); Korthikanti et al. §4.2.2 (same volume with SP)',
    });
  }
  if (d > 1) {
    work.push({
      label: 'DP traffic per GPU per step',
      formula: dpFormula(layout.zero, g),
      substituted: dpSubstituted(layout, g),
      result: formatDecimalBytes(comm.dp),
      source: 'Rajbhandari et al. 2020 §7 (ZeRO-1/2: 2Ψ as plain DP; ZeRO-3: 3Ψ)',
    });
  }
  if (p > 1) {
    work.push({
      label: 'PP traffic per GPU per step',
      formula: t > 1 ? '2 · m · v · 2sbh / t (scatter/gather)' : '2 · m · v · 2sbh',
      substituted: `2 · ${m} · ${v} · 2·${seq}·${b}·${model.hidden}${t > 1 ? ` / ${t}` : ''}`,
      result: formatDecimalBytes(comm.pp),
      source: 'Narayanan et al. 2021 §4.1',
    });
  }
  const e = layout.estimate;
  work.push(computeStep(input, layout));
  work.push({
    label: 'Step time (rough estimate)',
    formula: '(compute + TP + PP) · (1 + bubble) + exposed DP',
    substituted: `(${formatSig(e.computeSeconds)} + ${formatSig(e.tpSeconds)} + ${formatSig(e.ppSeconds)}) · (1 + ${formatSig(layout.bubbleFraction, 2)}) + ${formatSig(e.dpExposedSeconds)} s`,
    result: `${formatSig(e.stepSeconds)} s, MFU ≤ ${formatSig(e.mfu * 100, 2)}%`,
    source: `compute at ${formatScientific(cluster.peakFlops)} FLOP/s peak; MFU counts model FLOPs without recomputation`,
  });
  return work;
}

/** Compute time at peak FLOP/s: model FLOPs per token over the active parameters, plus recomputation. */
function computeStep(input: ExplainInput, layout: Layout): WorkStep {
  const { model, cluster, seq, globalBatch } = input;
  const moe = model.activeParams !== undefined;
  const extra = recomputeFlopsPerToken(model, seq, layout.recompute);
  const perToken = modelFlopsPerToken(model, seq) + extra;
  const recompute = layout.recompute === 'none' ? '' : ` + ${layout.recompute} recompute`;
  return {
    label: 'Compute per step at peak',
    formula: `(6·(L·P_layer${moe ? ',active' : ''} + V·h) + 12·s·L·h${recompute}) · B·s / (n · peak)`,
    substituted:
      `(6·(${model.layers}·${formatCount(activeLayerParams(model))} + ${formatInt(model.vocab)}·${formatInt(model.hidden)}) + ` +
      `12·${seq}·${model.layers}·${model.hidden}${extra > 0 ? ` + ${formatScientific(extra)}` : ''}) · ` +
      `${formatInt(globalBatch)}·${seq} / (${formatInt(cluster.gpus)} · ${formatScientific(cluster.peakFlops)})`,
    result: `${formatScientific(perToken)} FLOPs/token, ${formatSig(layout.estimate.computeSeconds)} s`,
    source: moe
      ? `${NARAYANAN_FLOPS}; MoE: only the top-k routed and shared experts a token uses (C ≈ 6N, N active, Kaplan et al. 2020)`
      : NARAYANAN_FLOPS,
  };
}

function modelStatesStep(layout: Layout, bytesPerParam: BytesPerParam): WorkStep {
  const g = bytesPerParam === 18 ? 4 : 2;
  const mem = layout.memoryPerGpuBytes;
  const psi = formatCount(layout.paramsPerGpu);
  const d = layout.dp;
  const [formula, substituted] = [
    [`(2 + ${g} + 12)·Ψ`, `${bytesPerParam} · ${psi}`],
    [`(2 + ${g})·Ψ + 12Ψ/N_d`, `${2 + g} · ${psi} + 12 · ${psi} / ${d}`],
    [`2Ψ + ${g + 12}Ψ/N_d`, `2 · ${psi} + ${g + 12} · ${psi} / ${d}`],
    [`${bytesPerParam}Ψ/N_d`, `${bytesPerParam} · ${psi} / ${d}`],
  ][layout.zero]!;
  return {
    label: `Model states, ZeRO-${layout.zero}, ${bytesPerParam} B/param`,
    formula: formula!,
    substituted: substituted!,
    result: formatDecimalBytes(mem.params + mem.grads + mem.optimizer),
    source: bytesPerParam === 16 ? ZERO : `${ZERO}; Megatron-LM fp32 gradients (18 B/param)`,
  };
}

function activationStep(dims: ActivationDims, layout: Layout): WorkStep {
  const { seq: s, microBatch: b, hidden: h, heads: a, tp: t } = dims;
  const sp = layout.sequenceParallel;
  const sbh = `${s}·${b}·${h}`;
  const value = activationBytesPerLayer(dims, layout.recompute);
  const result = `${formatInt(value)} B`;
  if (layout.recompute === 'full') {
    return {
      label: 'Activations per layer (full recompute)',
      formula: '2·sbh',
      substituted: `2 · ${sbh}`,
      result,
      source: KORTHIKANTI,
    };
  }
  if (layout.recompute === 'selective') {
    return sp
      ? {
          label: 'Activations per layer (TP + SP + selective)',
          formula: '34·sbh/t',
          substituted: `34 · ${sbh} / ${t}`,
          result,
          source: KORTHIKANTI,
        }
      : {
          label: 'Activations per layer (selective recompute)',
          formula: 'sbh(10 + 24/t)',
          substituted: `${sbh} · (10 + 24/${t})`,
          result,
          source: KORTHIKANTI,
        };
  }
  if (sp) {
    return {
      label: 'Activations per layer (TP + SP)',
      formula: '(sbh/t)(34 + 5as/h)',
      substituted: `(${sbh}/${t}) · (34 + 5·${a}·${s}/${h})`,
      result,
      source: KORTHIKANTI,
    };
  }
  if (t === 1) {
    return {
      label: 'Activations per layer',
      formula: 'sbh(34 + 5as/h)',
      substituted: `${sbh} · (34 + 5·${a}·${s}/${h})`,
      result,
      source: KORTHIKANTI,
    };
  }
  return {
    label: 'Activations per layer (TP)',
    formula: 'sbh(10 + 24/t + 5as/(ht))',
    substituted: `${sbh} · (10 + 24/${t} + 5·${a}·${s}/(${h}·${t}))`,
    result,
    source: KORTHIKANTI,
  };
}

function dpFormula(zero: number, g: number): string {
  return [
    `all-reduce: 2(d−1)/d · Ψ · ${g} B`,
    `reduce-scatter grads + all-gather params: (d−1)/d · Ψ · (${g} + 2) B`,
    `reduce-scatter every micro-batch + all-gather: (d−1)/d · Ψ · (m·${g} + 2) B`,
    `per micro-batch 2 param all-gathers + grad reduce-scatter: m · (d−1)/d · Ψ · (4 + ${g}) B`,
  ][zero]!;
}

function dpSubstituted(layout: Layout, g: number): string {
  const { dp: d, microBatches: m } = layout;
  const psi = formatCount(layout.paramsPerGpu);
  return [
    `2·${d - 1}/${d} · ${psi} · ${g}`,
    `${d - 1}/${d} · ${psi} · ${g + 2}`,
    `${d - 1}/${d} · ${psi} · (${m}·${g} + 2)`,
    `${m} · ${d - 1}/${d} · ${psi} · ${4 + g}`,
  ][layout.zero]!;
}
