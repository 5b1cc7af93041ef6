/**
 * Top-k and top-p (nucleus) filtering and one sampling step in plain TypeScript, written to be read.
 *
 * - Top-k keeps the `k` largest logits (Fan, Lewis & Dauphin 2018, "Hierarchical Neural Story
 *   Generation", §5.4).
 * - Top-p keeps the smallest set of most likely tokens whose probabilities add up to at least `p`
 *   (Holtzman et al. 2020, "The Curious Case of Neural Text Degeneration", §3.1, eq. 2).
 * - Applied in the order Hugging Face `generate` applies its logits warpers: temperature, then top-k,
 *   then top-p on the distribution renormalised over the top-k survivors.
 *
 * Ties: tokens are ranked by logit, and equal logits by lower index first, the tie rule of ONNX `TopK`
 * (onnx/docs/Operators.md, TopK: "the element with the lower index will appear first"). So top-k keeps
 * exactly `k` tokens even when the k-th logit is tied. (Hugging Face's `TopKLogitsWarper` instead keeps
 * every token whose logit is ≥ the k-th largest, which can keep more than `k`.)
 *
 * @module
 */

import { softmaxWithTemperature } from '../softmax/softmax-reference.js';

/** Indices of `values` from largest to smallest; equal values in increasing index order. */
export function rankDescending(values: ArrayLike<number>): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i);
  return order.sort((a, b) => values[b]! - values[a]! || a - b);
}

/** What a filter keeps of one row of logits. */
export interface FilteredRow {
  /** Kept token indices, most likely first. */
  kept: number[];
  /** Their renormalised probabilities (same order as `kept`, summing to 1). */
  keptProbs: Float64Array;
  /** Renormalised probabilities over the whole vocabulary (0 for dropped tokens). */
  probs: Float64Array;
  /** Probabilities after temperature and top-k, before top-p, in `kept`-rank order (for explanations). */
  beforeTopP: Float64Array;
}

/** Sampling settings: `k = 0` turns top-k off, `p = 1` turns top-p off (Hugging Face defaults 50 and 1.0). */
export interface SamplingSettings {
  k: number;
  p: number;
  temperature: number;
}

/**
 * Temperature, then top-k, then top-p, then renormalisation, for one row of logits (float64).
 *
 * Top-p keeps the token at rank `j` when the probability of the tokens ranked before it is `< p`:
 * the smallest prefix whose mass reaches `p`. The most likely token is always kept (its prefix mass
 * is 0), so a tiny `p` is greedy decoding; `p ≥ 1` keeps every top-k survivor.
 *
 * @throws RangeError for `k < 0`, `p` outside (0, 1], or a bad temperature (see softmax).
 */
export function filterRow(logits: ArrayLike<number>, settings: SamplingSettings): FilteredRow {
  const { k, p, temperature } = settings;
  if (!(k >= 0) || !Number.isInteger(k)) throw new RangeError(`k must be a whole number ≥ 0; got ${k}`);
  if (!(p > 0 && p <= 1)) throw new RangeError(`p must be in (0, 1]; got ${p}`);
  const ranked = rankDescending(logits);
  const topK = ranked.slice(0, k === 0 ? ranked.length : Math.min(k, ranked.length));
  const beforeTopP = softmaxWithTemperature(
    topK.map((i) => logits[i]!),
    temperature,
  );
  let count = topK.length;
  if (p < 1) {
    let before = 0; // mass of the tokens ranked ahead of rank j
    count = 0;
    while (count < topK.length && before < p) before += beforeTopP[count++]!;
  }
  let mass = 0;
  for (let j = 0; j < count; j++) mass += beforeTopP[j]!;
  const kept = topK.slice(0, count);
  const keptProbs = beforeTopP.slice(0, count).map((q) => q / mass);
  const probs = new Float64Array(logits.length);
  kept.forEach((token, j) => {
    probs[token] = keptProbs[j]!;
  });
  return { kept, keptProbs, probs, beforeTopP };
}

/**
 * One sampling step by inverse transform: the first kept token (most likely first) whose cumulative
 * renormalised probability exceeds `u`.
 * @param u - A uniform draw in [0, 1).
 * @returns The sampled token index.
 */
export function sampleFromFiltered(row: FilteredRow, u: number): number {
  let cumulative = 0;
  for (let j = 0; j < row.kept.length; j++) {
    cumulative += row.keptProbs[j]!;
    if (u < cumulative) return row.kept[j]!;
  }
  return row.kept[row.kept.length - 1]!; // u within rounding of 1
}

/**
 * How close this row's decisions came to flipping: the smallest distance between `p` and a top-p
 * prefix mass, and between `u` and a cumulative probability. Float32 graphs may decide differently
 * from this float64 reference when the margin is below ≈ 1e-6 (used by the property tests).
 */
export function decisionMargin(row: FilteredRow, settings: SamplingSettings, u?: number): number {
  let margin = Number.POSITIVE_INFINITY;
  if (settings.p < 1) {
    let before = 0;
    for (const q of row.beforeTopP) {
      margin = Math.min(margin, Math.abs(before - settings.p));
      before += q;
    }
  }
  if (u !== undefined) {
    let cumulative = 0;
    for (const q of row.keptProbs) {
      cumulative += q;
      margin = Math.min(margin, Math.abs(cumulative - u));
    }
  }
  return margin;
}
