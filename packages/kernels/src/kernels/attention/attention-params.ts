/**
 * Params of scaled dot-product attention: shapes, head grouping, causality and the KV cache.
 *
 * Layout everywhere (inputs, reference, output): `[batch, heads, tokens, head_dim]` ("BNSH").
 *
 * @module
 */

import { UserError } from '@mlsys/errors';
import type { KernelParam } from '../../kernel-definition.js';
import { parseBooleanParam, parseChoiceParam, parseIntegerParam, requireArg } from '../../kernel-params.js';

/** Typed attention params. `past = 0` is a prompt (prefill); `seq = 1, past > 0` is one decode step. */
export interface AttentionParams {
  batch: number;
  /** New query tokens (also new key/value tokens). */
  seq: number;
  /** Tokens already in the KV cache. */
  past: number;
  /** Query heads. */
  heads: number;
  /** Key/value heads: `heads` = MHA, 1 = MQA, in between = GQA (must divide `heads`). */
  kvHeads: number;
  headDim: number;
  causal: boolean;
  /** Element type of Q, K, V, the cache and the output. */
  dtype: AttentionDtype;
}

/** Element types attention runs in (float16 is optional; bfloat16 cannot be fed to onnxruntime-node). */
export type AttentionDtype = 'float32' | 'float16';

/** Bytes per element of each {@link AttentionDtype}. */
export const ELEMENT_BYTES: Readonly<Record<AttentionDtype, number>> = { float32: 4, float16: 2 };

/** Caps on each param; the runner's memory cap applies on top (seq 4096 × 8 heads does not fit it). */
export const ATTENTION_CAPS = {
  batch: { min: 1, max: 16 },
  seq: { min: 1, max: 8192, example: 512 },
  past: { min: 0, max: 32768, example: 4096 },
  heads: { min: 1, max: 128, example: 8 },
  kvHeads: { min: 1, max: 128, example: 2 },
  headDim: { min: 1, max: 256, example: 64 },
} as const;

/** The user-facing params of `/kernel attention`. */
export const ATTENTION_PARAMS: Readonly<Record<string, KernelParam>> = {
  seq: {
    description: `New tokens (queries), ${ATTENTION_CAPS.seq.min}–${ATTENTION_CAPS.seq.max}`,
    kind: 'integer',
    default: '128',
    example: '512',
    positional: true,
  },
  heads: { description: 'Query heads', kind: 'integer', default: '8', example: '8' },
  kv_heads: {
    description: 'Key/value heads (= heads: MHA, 1: MQA, else GQA); divides heads; default: heads',
    kind: 'integer',
    example: '2',
  },
  head_dim: { description: 'Elements per head', kind: 'integer', default: '64', example: '64' },
  causal: {
    description: 'Mask future tokens (true/false)',
    kind: 'boolean',
    default: 'true',
    example: 'true',
  },
  past: {
    description: 'Tokens already in the KV cache (decode: seq=1 past=4096)',
    kind: 'integer',
    default: '0',
    example: '4096',
  },
  batch: { description: 'Sequences in the batch', kind: 'integer', default: '1', example: '1' },
  dtype: {
    description: 'Element type of Q, K, V and the output',
    kind: 'string',
    default: 'float32',
    choices: ['float32', 'float16'],
    example: 'float16',
  },
};

/**
 * Typed params from raw text (defaults filled in); `kv_heads` defaults to `heads`.
 * @throws UserError for a bad value, a value over its cap, or `kv_heads` not dividing `heads`.
 */
export function parseAttentionParams(args: Readonly<Record<string, string>>): AttentionParams {
  const heads = parseIntegerParam('heads', requireArg(args, 'heads', '8'), ATTENTION_CAPS.heads);
  const kvHeads =
    args.kv_heads === undefined
      ? heads
      : parseIntegerParam('kv_heads', args.kv_heads, ATTENTION_CAPS.kvHeads);
  if (heads % kvHeads !== 0) {
    throw new UserError(
      'kernels/bad-kv-heads',
      `kv_heads (${kvHeads}) must divide heads (${heads}): each key/value head serves a whole group of query heads.`,
      { example: `heads=${heads} kv_heads=${largestDivisorAtMost(heads, kvHeads)}` },
    );
  }
  return {
    batch: parseIntegerParam('batch', requireArg(args, 'batch', '1'), ATTENTION_CAPS.batch),
    seq: parseIntegerParam('seq', requireArg(args, 'seq', '512'), ATTENTION_CAPS.seq),
    past: parseIntegerParam('past', requireArg(args, 'past', '0'), ATTENTION_CAPS.past),
    heads,
    kvHeads,
    headDim: parseIntegerParam('head_dim', requireArg(args, 'head_dim', '64'), ATTENTION_CAPS.headDim),
    causal: parseBooleanParam('causal', requireArg(args, 'causal', 'true')),
    dtype: parseChoiceParam('dtype', args.dtype ?? 'float32', ['float32', 'float16'] as const),
  };
}

/** Key/value tokens attended to: cache plus new tokens. */
export function totalTokens(params: AttentionParams): number {
  return params.past + params.seq;
}

/** Query heads per key/value head. */
export function groupSize(params: AttentionParams): number {
  return params.heads / params.kvHeads;
}

/** `MHA`, `MQA` or `GQA` for these params. */
export function attentionKind(params: AttentionParams): 'MHA' | 'MQA' | 'GQA' {
  if (params.kvHeads === params.heads) return 'MHA';
  return params.kvHeads === 1 ? 'MQA' : 'GQA';
}

/**
 * (query, key) pairs that are not masked, per batch and head. Causal with a cache is aligned
 * bottom-right: query `i` sits at position `past + i` and sees keys `0 … past + i`, so the count is
 * `seq·past + seq·(seq+1)/2`; unmasked it is `seq·(past + seq)`.
 */
export function unmaskedPairs(params: AttentionParams): number {
  const { seq, past } = params;
  return params.causal ? seq * past + (seq * (seq + 1)) / 2 : seq * (past + seq);
}

function largestDivisorAtMost(n: number, limit: number): number {
  for (let d = Math.min(limit, n); d > 1; d--) if (n % d === 0) return d;
  return 1;
}
