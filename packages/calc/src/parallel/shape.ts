import { UserError } from '@mlsys/errors';
import { formatCount } from '../format/format-number.js';

/**
 * The shape of a decoder-only transformer as the parallelism planner needs it. Activation memory uses
 * the GPT layer of Korthikanti et al. 2022 (4h MLP, multi-head attention, dropout); parameters per layer
 * come from the total count, so SwiGLU or GQA models keep their real size.
 */
export interface TransformerShape {
  /** Display name: `Llama-3.1-70B` or `1.00T-parameter GPT-like model`. */
  name: string;
  /** Ψ, total parameters (embeddings included, every expert of an MoE): what memory holds. */
  params: number;
  /**
   * Parameters one token passes through, counted like `params` (embeddings included): for an MoE the
   * top-k routed experts plus the shared ones. Compute and MFU use it; absent for dense models (= params).
   */
  activeParams?: number;
  /** L, transformer layers. */
  layers: number;
  /** h, hidden size. */
  hidden: number;
  /** a, attention heads. */
  heads: number;
  /** KV heads (GQA); Megatron needs them divisible by the tensor-parallel size. */
  kvHeads?: number;
  /** V, vocabulary size. */
  vocab: number;
  /** Input and output embeddings shared (one V·h table). */
  tiedEmbeddings: boolean;
  /** True when layers/hidden/heads were derived from the parameter count alone. */
  derived: boolean;
}

/** Vocabulary used when none is known: 51,200, as in every model of Narayanan et al. 2021, §5.1. */
export const DEFAULT_VOCAB = 51_200;

/**
 * Width over depth of the derived shape: h = 128·L, the ratio of GPT-3 175B (h = 12,288, L = 96;
 * Brown et al. 2020, Table 2.1).
 */
export const DERIVED_ASPECT = 128;

/** Head size of a derived shape: 128, as in GPT-3 175B and the Llama family. */
export const DERIVED_HEAD_DIM = 128;

/** Optional dimensions given with a bare parameter count. */
export interface ShapeHints {
  layers?: number;
  hidden?: number;
  heads?: number;
  vocab?: number;
}

/**
 * A GPT-like shape for a parameter count (`P ≈ 12·L·h² + V·h`, Narayanan et al. 2021 Eq. 2 without
 * the small terms; `gptParams` has the full form). Given dimensions are kept; missing ones are derived: with neither depth nor width,
 * L near h/128 (GPT-3's ratio) in multiples of 8 (4 below 24 layers) so pipelines split evenly, h a
 * multiple of 1,024 (128 below 2,048), the pair closest to the count; heads of 128 (64 below 2,048).
 *
 * @throws UserError when the hints contradict the count (embeddings alone exceed it) or heads do not
 *   divide the hidden size.
 */
export function shapeFromParams(params: number, hints: ShapeHints = {}): TransformerShape {
  const vocab = hints.vocab ?? DEFAULT_VOCAB;
  let layers = hints.layers;
  let hidden = hints.hidden;
  if (layers === undefined && hidden === undefined) {
    // Depths within ±30% of the GPT-3 aspect ratio, in multiples of 8 (4 below 24 layers); keep the pair
    // whose rounded width gives the count closest to the one asked for.
    const raw = (params / (12 * DERIVED_ASPECT ** 2)) ** (1 / 3);
    const step = raw >= 24 ? 8 : raw >= 8 ? 4 : 1;
    // At most ~64 depths are tried whatever the count: the stride grows for absurd sizes.
    const stride = step * Math.max(1, Math.ceil((0.6 * raw) / (64 * step)));
    let best = { layers: 0, hidden: 0, error: Number.POSITIVE_INFINITY };
    for (
      let l = Math.max(step, Math.floor((0.7 * raw) / step) * step);
      l <= Math.max(step, 1.3 * raw);
      l += stride
    ) {
      const h = widthFor(params, l, vocab);
      const error = Math.abs((12 * l * h ** 2 + vocab * h) / params - 1);
      if (error < best.error) best = { layers: l, hidden: h, error };
    }
    layers = best.layers;
    hidden = best.hidden;
  }
  if (hidden === undefined) hidden = widthFor(params, layers!, vocab);
  if (layers === undefined) layers = Math.max(1, Math.round((params - vocab * hidden) / (12 * hidden ** 2)));
  const heads = hints.heads ?? defaultHeads(hidden);
  if (hidden % heads !== 0) {
    throw new UserError('calc/parallel-heads', `${heads} heads do not divide the hidden size ${hidden}.`, {
      example: '/parallel params=70b hidden=8192 layers=80 heads=64 gpus=64',
    });
  }
  const shape: TransformerShape = {
    name: `${formatCount(params)}-parameter GPT-like model`,
    params,
    layers,
    hidden,
    heads,
    vocab,
    tiedEmbeddings: true,
    derived: hints.layers === undefined || hints.hidden === undefined || hints.heads === undefined,
  };
  assertShape(shape);
  return shape;
}

/**
 * Checks that a shape is usable: positive whole dimensions and layer parameters left after the
 * embeddings.
 *
 * @throws UserError naming the bad dimension.
 */
export function assertShape(shape: TransformerShape): void {
  for (const [name, value] of [
    ['layers', shape.layers],
    ['hidden', shape.hidden],
    ['heads', shape.heads],
    ['vocab', shape.vocab],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new UserError(
        'calc/parallel-shape',
        `The model's ${name} must be a whole number ≥ 1; got ${value}.`,
      );
    }
  }
  if (layerParams(shape) <= 0) {
    throw new UserError(
      'calc/parallel-shape',
      `${formatCount(shape.params)} parameters do not cover the embedding table (${shape.vocab} × ${shape.hidden}).`,
      { example: '/parallel params=70b gpus=64' },
    );
  }
}

/** Parameters in the embedding tables: V·h, twice when input and output are untied. */
export function embeddingParams(shape: TransformerShape): number {
  return shape.vocab * shape.hidden * (shape.tiedEmbeddings ? 1 : 2);
}

/** Parameters of one transformer layer: (Ψ − embeddings) / L. */
export function layerParams(shape: TransformerShape): number {
  return (shape.params - embeddingParams(shape)) / shape.layers;
}

/**
 * Width for a depth: the positive root of 12·l·h² + V·h = P, rounded to a multiple of 1,024 from 2,048
 * up (so the heads h/128 divide by 8 and TP = 8 stays possible), else of 128.
 */
function widthFor(params: number, layers: number, vocab: number): number {
  const exact = (-vocab + Math.sqrt(vocab ** 2 + 48 * layers * params)) / (24 * layers);
  const step = exact >= 2048 ? 1024 : DERIVED_HEAD_DIM;
  return Math.max(DERIVED_HEAD_DIM, Math.round(exact / step) * step);
}

/** Heads of 128 from h = 2,048 up, of 64 below (GPT-3's small models, Brown et al. 2020 Table 2.1). */
function defaultHeads(hidden: number): number {
  if (hidden >= 2048 && hidden % DERIVED_HEAD_DIM === 0) return hidden / DERIVED_HEAD_DIM;
  if (hidden % 64 === 0) return hidden / 64;
  return 1;
}
