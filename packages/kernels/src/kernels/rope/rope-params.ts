/**
 * Params of `/kernel rope`: the user's head vector at one position, or random `[1, heads, seq, head_dim]`
 * input; the pairing style and the base.
 *
 * @module
 */

import { UserError } from '@mlsys/errors';
import type { KernelInputs, KernelParam, KernelRandom } from '../../kernel-definition.js';
import {
  parseChoiceParam,
  parseIntegerParam,
  parseNumberListParam,
  parseNumberParam,
  requireArg,
} from '../../kernel-params.js';
import { randomNormalArray } from '../../random.js';
import { type RopeShape, ropeFrequencies } from './rope-reference.js';

/** RoPE params: the shape plus the user's vector (one head, one token) or `null` for random input. */
export interface RopeParams extends RopeShape {
  values: readonly number[] | null;
}

/**
 * Caps: head_dim up to 256 (Gemma-2-9B's head_dim, models.md), 2^22 values, positions below 2^20
 * (8× Llama-3.1's 131,072-token context).
 */
export const ROPE_CAPS = {
  heads: { min: 1, max: 128 },
  seq: { min: 1, max: 8192 },
  headDim: { min: 2, max: 256 },
  start: { min: 0, max: 2 ** 20 },
  base: { min: 2, max: 1e9 },
  cells: 2 ** 22,
  magnitude: 1e6,
} as const;

/** The user-facing params. */
export const ROPE_PARAMS: Readonly<Record<string, KernelParam>> = {
  x: {
    description: 'Your head vector, comma-separated, even length ≤ 256 (one token); random when absent',
    kind: 'string',
    example: '1,0,0,1',
  },
  position: {
    description: 'Position of the first token (tokens t sit at position + t), 0–1048576',
    kind: 'integer',
    default: '0',
    example: '3',
  },
  style: {
    description: 'Pairing: half = (i, i+d/2) GPT-NeoX/Llama; interleaved = (2i, 2i+1) RoFormer/GPT-J',
    kind: 'string',
    default: 'half',
    example: 'interleaved',
    choices: ['half', 'interleaved'],
  },
  base: {
    // 10000: RoFormer §3.2.2; 500000: Llama-3.1 rope_theta (config.json).
    description: 'Frequency base θ (RoFormer: 10000; Llama-3.1: 500000)',
    kind: 'number',
    default: '10000',
    example: '500000',
  },
  seq: { description: 'Tokens of random input, 1–8192', kind: 'integer', default: '128', example: '2048' },
  heads: { description: 'Heads of random input, 1–128', kind: 'integer', default: '8', example: '32' },
  head_dim: { description: 'Elements per head, even, 2–256', kind: 'integer', default: '128', example: '64' },
};

/**
 * Typed RoPE params (defaults filled in). Given `x`: one head, one token, head_dim = its length.
 * @throws UserError for a bad value, an odd head_dim, or a size over its cap.
 */
export function parseRopeParams(args: Readonly<Record<string, string>>): RopeParams {
  const start = parseIntegerParam('position', requireArg(args, 'position', '0'), ROPE_CAPS.start);
  const style = parseChoiceParam('style', requireArg(args, 'style', 'half'), [
    'half',
    'interleaved',
  ] as const);
  const base = parseNumberParam('base', requireArg(args, 'base', '10000'), ROPE_CAPS.base);
  if (args.x !== undefined) {
    const values = parseNumberListParam('x', args.x, ROPE_CAPS.headDim.max);
    if (values.length % 2 !== 0) {
      throw new UserError(
        'kernels/odd-head-dim',
        `x has ${values.length} values; RoPE rotates pairs, so it needs an even count.`,
        {
          example: 'x=1,0,0,1 position=3',
        },
      );
    }
    const big = values.find((value) => Math.abs(value) > ROPE_CAPS.magnitude);
    if (big !== undefined) {
      throw new UserError(
        'kernels/out-of-range',
        `Each x must be within ±${ROPE_CAPS.magnitude}; got ${big}.`,
        {
          example: 'x=1,0,0,1',
        },
      );
    }
    return { heads: 1, seq: 1, headDim: values.length, start, style, base, values };
  }
  const headDim = parseIntegerParam('head_dim', requireArg(args, 'head_dim', '128'), ROPE_CAPS.headDim);
  if (headDim % 2 !== 0) {
    throw new UserError(
      'kernels/odd-head-dim',
      `head_dim must be even (RoPE rotates pairs); got ${headDim}.`,
      {
        example: `head_dim=${headDim + 1}`,
      },
    );
  }
  const seq = parseIntegerParam('seq', requireArg(args, 'seq', '128'), ROPE_CAPS.seq);
  const heads = parseIntegerParam('heads', requireArg(args, 'heads', '8'), ROPE_CAPS.heads);
  if (heads * seq * headDim > ROPE_CAPS.cells) {
    throw new UserError(
      'kernels/too-large',
      `heads × seq × head_dim = ${heads * seq * headDim} values is over the cap of ${ROPE_CAPS.cells}.`,
      {
        example: `seq=${Math.max(1, Math.floor(ROPE_CAPS.cells / (heads * headDim)))} heads=${heads} head_dim=${headDim}`,
      },
    );
  }
  return { heads, seq, headDim, start, style, base, values: null };
}

/** The input `x [1, heads, seq, head_dim]` float32: the user's vector or N(0, 1) draws. */
export function makeRopeInputs(params: RopeParams, random: KernelRandom): KernelInputs {
  const count = params.heads * params.seq * params.headDim;
  const data = params.values ? Float32Array.from(params.values) : randomNormalArray(random, count);
  return { x: { dtype: 'float32', dims: [1, params.heads, params.seq, params.headDim], data } };
}

/** The cos and sin tables `[seq, head_dim/2]` for positions `start … start+seq−1`, computed in float64. */
export function ropeTables(params: RopeParams): { cos: Float32Array; sin: Float32Array } {
  const half = params.headDim / 2;
  const theta = ropeFrequencies(params.headDim, params.base);
  const cos = new Float32Array(params.seq * half);
  const sin = new Float32Array(params.seq * half);
  for (let t = 0; t < params.seq; t++) {
    for (let i = 0; i < half; i++) {
      const angle = (params.start + t) * theta[i]!;
      cos[t * half + i] = Math.cos(angle);
      sin[t * half + i] = Math.sin(angle);
    }
  }
  return { cos, sin };
}

/** The params as plain JSON for `reply.data`. */
export function describeRope(params: RopeParams): Record<string, number | string | boolean> {
  return {
    heads: params.heads,
    seq: params.seq,
    head_dim: params.headDim,
    position: params.start,
    style: params.style,
    base: params.base,
    values: params.values === null ? 'random' : 'given',
  };
}
