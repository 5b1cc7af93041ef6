import {
  type ActivationDims,
  activationBytesPerLayer,
  chunksInFlight,
  edgeActivationBytes,
  type Recompute,
  recomputeWorkingBytes,
} from './activations.js';
import type { ClusterSpec } from './cluster.js';
import { modelFlopsPerToken, recomputeFlopsPerToken } from './flops.js';
import { type BytesPerParam, gradientBytes, type ZeroStage } from './model-states.js';
import { bubbleFraction } from './pipeline.js';
import { layerParams, type TransformerShape } from './shape.js';

/** The choices that make a layout. */
export interface Candidate {
  tp: number;
  pp: number;
  dp: number;
  zero: ZeroStage;
  microBatch: number;
  /** m, micro-batches per step per data-parallel rank: global batch / (dp · micro-batch). */
  microBatches: number;
  /** v, model chunks per GPU (interleaved 1F1B); 1 = plain 1F1B. */
  interleave: number;
  recompute: Recompute;
}

/** Everything fixed for one planning run, with derived constants computed once. */
export interface PlanContext {
  shape: TransformerShape;
  cluster: ClusterSpec;
  /** s, tokens per sequence. */
  seq: number;
  /** B, sequences per optimizer step. */
  globalBatch: number;
  bytesPerParam: BytesPerParam;
  sequenceParallel: boolean;
  /** Parameters of one transformer layer (every expert: what memory holds). */
  layerParams: number;
  /** Model FLOPs per token over the active parameters ({@link modelFlopsPerToken}). */
  modelFlopsPerToken: number;
  /** Extra FLOPs per token of each recomputation scheme ({@link recomputeFlopsPerToken}). */
  recomputeFlopsPerToken: Record<Recompute, number>;
}

/** Creates a {@link PlanContext}. */
export function createPlanContext(
  shape: TransformerShape,
  cluster: ClusterSpec,
  options: { seq: number; globalBatch: number; bytesPerParam: BytesPerParam; sequenceParallel: boolean },
): PlanContext {
  const recompute = (scheme: Recompute) => recomputeFlopsPerToken(shape, options.seq, scheme);
  return {
    shape,
    cluster,
    ...options,
    layerParams: layerParams(shape),
    modelFlopsPerToken: modelFlopsPerToken(shape, options.seq),
    recomputeFlopsPerToken: { none: 0, selective: recompute('selective'), full: recompute('full') },
  };
}

/**
 * A scored layout: the numbers of one evaluation. Written in place by {@link evaluateInto} so the
 * search allocates nothing per candidate.
 */
export interface Evaluation {
  /** Bytes per GPU on the pipeline stage with the highest total (first or last). */
  params: number;
  grads: number;
  optimizer: number;
  activations: number;
  total: number;
  /** Which stage peaks: 0 first, 1 last. */
  peakStage: 0 | 1;
  /** Parameters held by one GPU of the first stage (before ZeRO sharding). */
  paramsPerGpu: number;
  bubble: number;
  /** Bytes one GPU sends per step for tensor, pipeline and data parallelism. */
  tpBytes: number;
  ppBytes: number;
  dpBytes: number;
  /** Rough step-time parts, seconds (compute at peak FLOP/s). */
  computeSeconds: number;
  tpSeconds: number;
  ppSeconds: number;
  dpSeconds: number;
  dpExposedSeconds: number;
  stepSeconds: number;
  /** Model FLOPs over (step time · n · peak): a ceiling, since compute runs at peak here. */
  mfu: number;
}

/** A zeroed {@link Evaluation} to evaluate into. */
export function createEvaluation(): Evaluation {
  return {
    params: 0,
    grads: 0,
    optimizer: 0,
    activations: 0,
    total: 0,
    peakStage: 0,
    paramsPerGpu: 0,
    bubble: 0,
    tpBytes: 0,
    ppBytes: 0,
    dpBytes: 0,
    computeSeconds: 0,
    tpSeconds: 0,
    ppSeconds: 0,
    dpSeconds: 0,
    dpExposedSeconds: 0,
    stepSeconds: 0,
    mfu: 0,
  };
}

const dims: ActivationDims = { seq: 0, microBatch: 0, hidden: 0, heads: 0, tp: 1, sequenceParallel: true };

/**
 * Evaluates one candidate into `out`: per-GPU memory on the first and last pipeline stage (model
 * states by ZeRO stage, activations by Korthikanti et al. 2022 times the chunks in flight under 1F1B),
 * the bubble, per-step communication volume and a rough step time.
 *
 * Step time (an estimate, stated as such in replies): compute at peak FLOP/s over the active parameters
 * (an MoE token runs its top-k experts only, while memory holds every expert) including recomputation,
 * plus tensor- and pipeline-parallel traffic, all stretched by the bubble; data-parallel traffic hides
 * behind the last micro-batch's backward pass (ZeRO 0/1, Megatron's overlapped gradient reduce) or
 * behind all compute (ZeRO 2/3, which communicate every micro-batch), and only the rest is added.
 */
export function evaluateInto(ctx: PlanContext, c: Candidate, out: Evaluation): Evaluation {
  const { shape, cluster } = ctx;
  const { tp, pp, dp, microBatches: m, interleave: v } = c;
  const layersPerStage = shape.layers / pp;
  const vh = shape.vocab * shape.hidden;
  dims.seq = ctx.seq;
  dims.microBatch = c.microBatch;
  dims.hidden = shape.hidden;
  dims.heads = shape.heads;
  dims.tp = tp;
  dims.sequenceParallel = ctx.sequenceParallel;
  const perLayer = activationBytesPerLayer(dims, c.recompute);
  const working = recomputeWorkingBytes(dims, c.recompute);
  const layerParamsPerGpu = (layersPerStage * ctx.layerParams) / tp;

  // First stage: input embedding (and the untied output head when it is also the last stage).
  const firstParams = layerParamsPerGpu + vh / tp + (pp === 1 && !shape.tiedEmbeddings ? vh / tp : 0);
  const firstChunks = chunksInFlight(pp, v, m, 0);
  const firstActivations =
    (firstChunks * layersPerStage * perLayer) / v +
    working +
    edgeActivationBytes(dims, shape.vocab, Math.min(pp, m), true, pp === 1);
  // Model states inline (the ZeRO split of modelStateBytes) so the search allocates nothing.
  const g = gradientBytes(ctx.bytesPerParam);
  const z = c.zero;
  out.params = z >= 3 ? (2 * firstParams) / dp : 2 * firstParams;
  out.grads = z >= 2 ? (g * firstParams) / dp : g * firstParams;
  out.optimizer = z >= 1 ? (12 * firstParams) / dp : 12 * firstParams;
  out.activations = firstActivations;
  out.total = out.params + out.grads + out.optimizer + firstActivations;
  out.peakStage = 0;
  out.paramsPerGpu = firstParams;

  if (pp > 1) {
    // Last stage: the output head (or Megatron's copy of the tied embedding) and the fp32 logits.
    const lastParams = layerParamsPerGpu + vh / tp;
    const lastActivations =
      (chunksInFlight(pp, v, m, pp - 1) * layersPerStage * perLayer) / v +
      working +
      edgeActivationBytes(dims, shape.vocab, 1, false, true);
    const params = z >= 3 ? (2 * lastParams) / dp : 2 * lastParams;
    const grads = z >= 2 ? (g * lastParams) / dp : g * lastParams;
    const optimizer = z >= 1 ? (12 * lastParams) / dp : 12 * lastParams;
    const lastTotal = params + grads + optimizer + lastActivations;
    if (lastTotal > out.total) {
      out.params = params;
      out.grads = grads;
      out.optimizer = optimizer;
      out.activations = lastActivations;
      out.total = lastTotal;
      out.peakStage = 1;
    }
  }

  out.bubble = pp > 1 ? bubbleFraction(pp, m, v) : 0;

  // Communication per GPU per step (bytes sent; ring collectives send 2(k−1)/k of the message).
  const message = 2 * ctx.seq * c.microBatch * shape.hidden; // one bf16 activation tensor s·b·h
  const tpOps = 4 + (c.recompute === 'full' ? 2 : 0); // 2 forward + 2 backward per layer, +2 recomputed
  out.tpBytes = tp > 1 ? ((tpOps * 2 * (tp - 1)) / tp) * message * layersPerStage * m : 0;
  out.ppBytes = pp > 1 ? (2 * m * v * message) / tp : 0; // activations forward, gradients back
  const share = (dp - 1) / dp;
  const p = firstParams;
  out.dpBytes =
    dp === 1
      ? 0
      : c.zero === 0
        ? 2 * share * p * g
        : c.zero === 1
          ? share * p * (g + 2)
          : c.zero === 2
            ? share * p * (m * g + 2)
            : m * share * p * (4 + g);

  const nodes = cluster.gpusPerNode;
  const intra = cluster.intraNodeBandwidth;
  const inter = cluster.interNodeBandwidth;
  const tokens = ctx.globalBatch * ctx.seq;
  const extraFlopsPerToken = ctx.recomputeFlopsPerToken[c.recompute];
  out.computeSeconds =
    ((ctx.modelFlopsPerToken + extraFlopsPerToken) * tokens) / (cluster.gpus * cluster.peakFlops);
  out.tpSeconds = out.tpBytes / (tp <= nodes ? intra : inter);
  out.ppSeconds = out.ppBytes / (tp * dp * pp <= nodes ? intra : inter);
  out.dpSeconds = out.dpBytes / (tp * dp <= nodes ? intra : inter);
  const window = c.zero >= 2 ? out.computeSeconds : (2 / 3) * (out.computeSeconds / m);
  out.dpExposedSeconds = Math.max(0, out.dpSeconds - window);
  out.stepSeconds =
    (out.computeSeconds + out.tpSeconds + out.ppSeconds) * (1 + out.bubble) + out.dpExposedSeconds;
  out.mfu = (ctx.modelFlopsPerToken * tokens) / (out.stepSeconds * cluster.gpus * cluster.peakFlops);
  return out;
}
