import { UserError } from '@mlsys/errors';
import type { Recompute } from './activations.js';
import type { ClusterSpec } from './cluster.js';
import {
  type Candidate,
  createEvaluation,
  createPlanContext,
  type Evaluation,
  evaluateInto,
  type PlanContext,
} from './layout.js';
import type { BytesPerParam, ZeroStage } from './model-states.js';
import { type RankedFigures, ranksBefore } from './ranking.js';
import type { TransformerShape } from './shape.js';

/** A layout as replies and `--json` show it. Memory in bytes per GPU on the stage that peaks. */
export interface Layout {
  tp: number;
  pp: number;
  dp: number;
  zero: ZeroStage;
  microBatch: number;
  microBatches: number;
  interleave: number;
  recompute: Recompute;
  sequenceParallel: boolean;
  layersPerStage: number;
  /** Pipeline bubble over ideal compute time, (p − 1)/(v·m). */
  bubbleFraction: number;
  fits: boolean;
  memoryPerGpuBytes: { params: number; grads: number; optimizer: number; activations: number; total: number };
  /** The pipeline stage whose memory is shown: the first (most activations) or the last (logits). */
  peakStage: 'first' | 'last';
  /** Parameters on one GPU of the first stage before ZeRO sharding. */
  paramsPerGpu: number;
  /** Bytes one GPU sends per optimizer step. */
  commBytesPerGpu: { tp: number; pp: number; dp: number };
  /** Rough estimate: compute at peak FLOP/s plus exposed communication and the bubble. */
  estimate: {
    stepSeconds: number;
    computeSeconds: number;
    tpSeconds: number;
    ppSeconds: number;
    dpExposedSeconds: number;
    /** Model FLOPs utilisation ceiling implied by the step time. */
    mfu: number;
  };
}

/** Choices the user pinned; the search varies the rest. */
export interface FixedChoices {
  tp?: number;
  pp?: number;
  zero?: ZeroStage;
  microBatch?: number;
  interleave?: number;
  recompute?: Recompute;
}

/** Input of {@link planParallel}. */
export interface ParallelInput {
  model: TransformerShape;
  cluster: ClusterSpec;
  /** s, tokens per sequence. */
  seq: number;
  /** B, sequences per optimizer step. */
  globalBatch: number;
  bytesPerParam: BytesPerParam;
  /** Megatron sequence parallelism with TP (default on). */
  sequenceParallel: boolean;
  fixed?: FixedChoices;
  /** Layouts returned, best first (default 20); the search still covers every candidate. */
  limit?: number;
}

/** The planner's answer. */
export interface ParallelPlan {
  /** The fastest layout that fits (the leanest of those tied on time), or null. */
  best: Layout | null;
  /** Fitting layouts, best first ({@link ranksBefore}), at most `limit`. */
  layouts: Layout[];
  /** The lowest-memory layout searched, shown when nothing fits. */
  closest: Layout | null;
  /** Candidates evaluated and how many fit. */
  searched: number;
  fitting: number;
}

const MICRO_BATCHES = [1, 2, 4, 8, 16] as const;
const ZERO_STAGES: readonly ZeroStage[] = [0, 1, 2, 3];
const RECOMPUTES: readonly Recompute[] = ['none', 'selective', 'full'];
/** Largest interleaving degree the free search tries. */
export const MAX_SEARCHED_INTERLEAVE = 8;

/**
 * Searches every 3D-parallel layout of a model on a cluster and ranks those that fit in GPU memory by
 * estimated step time; step times equal to the 3 significant digits replies show tie, and ties go to
 * the layout with less memory per GPU ({@link ranksBefore}). Candidates: TP over divisors of the GPUs
 * per node that divide the heads; PP over divisors of the layers; DP = n/(TP·PP); ZeRO 0–3; micro-batch 1–16 dividing
 * B/DP; interleaving v up to 8 over divisors of the layers per stage (needs m a multiple of p, as
 * Megatron-LM does); recomputation none/selective/full. Pipelines run with at least p micro-batches, so the bubble
 * stays below 1. Pinned choices are checked and kept.
 *
 * @throws UserError when a pinned choice is impossible (TP not dividing the GPUs or heads, PP not
 *   dividing the layers, …) or when no candidate satisfies the batch constraints.
 */
export function planParallel(input: ParallelInput): ParallelPlan {
  const { model, cluster, fixed = {} } = input;
  checkFixed(input);
  const ctx = createPlanContext(model, cluster, input);
  const limit = input.limit ?? 20;
  const top: { layout: Layout; figures: RankedFigures }[] = [];
  const scratch = createEvaluation();
  const candidate: Candidate = {
    tp: 1,
    pp: 1,
    dp: 1,
    zero: 0,
    microBatch: 1,
    microBatches: 1,
    interleave: 1,
    recompute: 'none',
  };
  const microBatchChoices = fixed.microBatch === undefined ? MICRO_BATCHES : [fixed.microBatch];
  const zeroChoices = fixed.zero === undefined ? ZERO_STAGES : [fixed.zero];
  const recomputeChoices = fixed.recompute === undefined ? RECOMPUTES : [fixed.recompute];
  let searched = 0;
  let fitting = 0;
  let closest: Layout | null = null;
  let closestMemory = Number.POSITIVE_INFINITY;

  for (const tp of tpChoices(input)) {
    for (const pp of ppChoices(input, tp)) {
      const dp = cluster.gpus / (tp * pp);
      if (input.globalBatch % dp !== 0) continue;
      const perReplica = input.globalBatch / dp;
      for (const microBatch of microBatchChoices) {
        if (perReplica % microBatch !== 0) continue;
        const m = perReplica / microBatch;
        if (pp > 1 && m < pp && fixed.pp === undefined) continue;
        for (const interleave of interleaveChoices(input, model.layers / pp, pp, m)) {
          for (const zero of zeroChoices) {
            for (const recompute of recomputeChoices) {
              candidate.tp = tp;
              candidate.pp = pp;
              candidate.dp = dp;
              candidate.microBatch = microBatch;
              candidate.microBatches = m;
              candidate.interleave = interleave;
              candidate.zero = zero;
              candidate.recompute = recompute;
              evaluateInto(ctx, candidate, scratch);
              searched++;
              const fits = scratch.total <= cluster.memoryBytes;
              if (!fits) {
                if (scratch.total < closestMemory) {
                  closestMemory = scratch.total;
                  closest = toLayout(ctx, candidate, scratch, false);
                }
                continue;
              }
              fitting++;
              if (scratch.total < closestMemory) {
                closestMemory = scratch.total;
                closest = null;
              }
              insertTop(top, limit, ctx, candidate, scratch);
            }
          }
        }
      }
    }
  }
  if (searched === 0) throw noCandidate(input);
  const layouts = top.map((entry) => entry.layout);
  return { best: layouts[0] ?? null, layouts, closest: fitting > 0 ? null : closest, searched, fitting };
}

/** Inserts a fitting candidate into the ranked list (order of {@link ranksBefore}), keeping `limit`. */
function insertTop(
  top: { layout: Layout; figures: RankedFigures }[],
  limit: number,
  ctx: PlanContext,
  candidate: Candidate,
  scratch: Evaluation,
): void {
  const figures: RankedFigures = { stepSeconds: scratch.stepSeconds, memoryBytes: scratch.total };
  const worse = (entry: { figures: RankedFigures }) => ranksBefore(figures, entry.figures);
  if (top.length >= limit && !worse(top[top.length - 1]!)) return;
  let at = top.length;
  while (at > 0 && worse(top[at - 1]!)) at--;
  top.splice(at, 0, { layout: toLayout(ctx, candidate, scratch, true), figures });
  if (top.length > limit) top.pop();
}

/** Materialises an evaluation as a {@link Layout}. */
export function toLayout(ctx: PlanContext, c: Candidate, e: Evaluation, fits: boolean): Layout {
  return {
    tp: c.tp,
    pp: c.pp,
    dp: c.dp,
    zero: c.zero,
    microBatch: c.microBatch,
    microBatches: c.microBatches,
    interleave: c.interleave,
    recompute: c.recompute,
    sequenceParallel: ctx.sequenceParallel && c.tp > 1,
    layersPerStage: ctx.shape.layers / c.pp,
    bubbleFraction: e.bubble,
    fits,
    memoryPerGpuBytes: {
      params: e.params,
      grads: e.grads,
      optimizer: e.optimizer,
      activations: e.activations,
      total: e.total,
    },
    peakStage: e.peakStage === 0 ? 'first' : 'last',
    paramsPerGpu: e.paramsPerGpu,
    commBytesPerGpu: { tp: e.tpBytes, pp: e.ppBytes, dp: e.dpBytes },
    estimate: {
      stepSeconds: e.stepSeconds,
      computeSeconds: e.computeSeconds,
      tpSeconds: e.tpSeconds,
      ppSeconds: e.ppSeconds,
      dpExposedSeconds: e.dpExposedSeconds,
      mfu: e.mfu,
    },
  };
}

function tpChoices(input: ParallelInput): number[] {
  if (input.fixed?.tp !== undefined) return [input.fixed.tp];
  const { model, cluster } = input;
  const out: number[] = [];
  for (let tp = 1; tp <= cluster.gpusPerNode; tp++) {
    if (cluster.gpusPerNode % tp === 0 && cluster.gpus % tp === 0 && tpFitsModel(model, tp)) out.push(tp);
  }
  return out;
}

function tpFitsModel(model: TransformerShape, tp: number): boolean {
  return (
    model.heads % tp === 0 &&
    model.hidden % tp === 0 &&
    (model.kvHeads === undefined || model.kvHeads % tp === 0)
  );
}

function ppChoices(input: ParallelInput, tp: number): number[] {
  if (input.fixed?.pp !== undefined)
    return input.cluster.gpus % (tp * input.fixed.pp) === 0 ? [input.fixed.pp] : [];
  const out: number[] = [];
  const layers = input.model.layers;
  for (let pp = 1; pp <= layers; pp++) {
    if (layers % pp === 0 && input.cluster.gpus % (tp * pp) === 0) out.push(pp);
  }
  return out;
}

function interleaveChoices(input: ParallelInput, layersPerStage: number, pp: number, m: number): number[] {
  const fixed = input.fixed?.interleave;
  if (fixed !== undefined) return fixed === 1 || (pp > 1 && layersPerStage % fixed === 0) ? [fixed] : [];
  const out = [1];
  // Megatron-LM's interleaved schedule needs m to be a multiple of p (Narayanan et al. 2021, §2.2.2).
  // The search stops at v = 8: each chunk adds point-to-point traffic and per-chunk overheads this model
  // does not price; a pinned larger v is still evaluated.
  if (pp > 1 && m % pp === 0) {
    for (let v = 2; v <= Math.min(MAX_SEARCHED_INTERLEAVE, layersPerStage); v++) {
      if (layersPerStage % v === 0) out.push(v);
    }
  }
  return out;
}

function checkFixed(input: ParallelInput): void {
  const { model, cluster, fixed = {} } = input;
  const example = '/parallel llama-3.1-70b gpus=64 gpu=h100 tp=8 pp=4';
  const fail = (reason: string, message: string) =>
    new UserError(`calc/parallel-${reason}`, message, { example });
  const { tp, pp, interleave } = fixed;
  if (tp !== undefined) {
    if (cluster.gpus % tp !== 0) throw fail('tp', `tp=${tp} does not divide ${cluster.gpus} GPUs.`);
    if (!tpFitsModel(model, tp)) {
      const kv = model.kvHeads === undefined ? '' : ` and ${model.kvHeads} KV heads`;
      throw fail('tp', `tp=${tp} must divide the ${model.heads} attention heads${kv} of ${model.name}.`);
    }
  }
  if (pp !== undefined) {
    if (model.layers % pp !== 0)
      throw fail('pp', `pp=${pp} does not divide the ${model.layers} layers of ${model.name}.`);
    if (cluster.gpus % ((tp ?? 1) * pp) !== 0) {
      throw fail('pp', `tp·pp = ${(tp ?? 1) * pp} does not divide ${cluster.gpus} GPUs.`);
    }
  }
  if (interleave !== undefined && interleave > 1) {
    if (pp === 1) throw fail('interleave', 'Interleaving needs pipeline parallelism (pp > 1).');
    if (pp !== undefined && (model.layers / pp) % interleave !== 0) {
      throw fail(
        'interleave',
        `interleave=${interleave} does not divide the ${model.layers / pp} layers per stage.`,
      );
    }
  }
}

/** True when the user pinned at least one choice. */
export function hasPinnedChoices(fixed: FixedChoices | undefined): boolean {
  return Object.values(fixed ?? {}).some((value) => value !== undefined);
}

function noCandidate(input: ParallelInput): UserError {
  const pinned = hasPinnedChoices(input.fixed);
  return new UserError(
    'calc/parallel-no-layout',
    `No layout of ${input.cluster.gpus} GPUs divides the global batch of ${input.globalBatch} sequences into ` +
      `data-parallel ranks × micro-batches (with at least p micro-batches per pipeline)${pinned ? ' under the pinned choices' : ''}.`,
    { example: `/parallel llama-3.1-70b gpus=${input.cluster.gpus} global_batch=${input.cluster.gpus * 4}` },
  );
}

/**
 * Tokens per optimizer step assumed when no global batch is given: 4M (2^22), the batch of every LLaMA
 * model (Touvron et al. 2023, arXiv:2302.13971, Table 2).
 */
export const DEFAULT_BATCH_TOKENS = 2 ** 22;

/**
 * Global batch in sequences when none is given: 2^22 tokens over the sequence length, rounded to a power
 * of two (1,024 sequences at s = 4,096), at least 1.
 */
export function defaultGlobalBatch(seq: number): number {
  return Math.max(1, 2 ** Math.round(Math.log2(DEFAULT_BATCH_TOKENS / seq)));
}
