/**
 * Params of `/kernel swiglu`: shapes of the block, or the user's one-token vector, and seeded weights.
 *
 * @module
 */

import { UserError } from '@mlsys/errors';
import type { KernelInputs, KernelParam, KernelRandom } from '../../kernel-definition.js';
import { parseIntegerParam, parseNumberListParam, requireArg } from '../../kernel-params.js';
import { randomNormalArray } from '../../random.js';
import type { SwigluShape } from './swiglu-reference.js';

/** SwiGLU params: the shape plus the user's vector (one token) or `null` for random input. */
export interface SwigluParams extends SwigluShape {
  values: readonly number[] | null;
}

/**
 * Caps: 2^24 weight values in all (64 MiB of float32; Llama-3.1-8B's one MLP has 3·4096·14336 =
 * 176M and does not fit) and 2^22 activation values.
 */
export const SWIGLU_CAPS = {
  tokens: { min: 1, max: 4096 },
  hidden: { min: 1, max: 8192 },
  ffn: { min: 1, max: 32_768 },
  weights: 2 ** 24,
  activations: 2 ** 22,
  listed: 256,
  magnitude: 1e4,
} as const;

/** The user-facing params. */
export const SWIGLU_PARAMS: Readonly<Record<string, KernelParam>> = {
  x: {
    description: 'Your token vector, comma-separated (up to 256; weights stay seeded random)',
    kind: 'string',
    example: '1,-1,0.5,2',
  },
  tokens: { description: 'Tokens (rows of x), 1–4096', kind: 'integer', default: '64', example: '512' },
  hidden: { description: 'Model width d_model, 1–8192', kind: 'integer', default: '512', example: '1024' },
  ffn: {
    description: 'Inner width (Llama: 8/3·hidden up to a multiple of 256: 512 → 1536, 4096 → 11008)',
    kind: 'integer',
    default: '1536',
    example: '2816',
  },
};

/**
 * Typed params (defaults filled in). Given `x`: one token, hidden = its length.
 * @throws UserError for a bad value or a size over its cap.
 */
export function parseSwigluParams(args: Readonly<Record<string, string>>): SwigluParams {
  const ffn = parseIntegerParam('ffn', requireArg(args, 'ffn', '1536'), SWIGLU_CAPS.ffn);
  let values: number[] | null = null;
  let tokens: number;
  let hidden: number;
  if (args.x !== undefined) {
    values = parseNumberListParam('x', args.x, SWIGLU_CAPS.listed);
    const big = values.find((value) => Math.abs(value) > SWIGLU_CAPS.magnitude);
    if (big !== undefined) {
      throw new UserError(
        'kernels/out-of-range',
        `Each x must be within ±${SWIGLU_CAPS.magnitude}; got ${big}.`,
        {
          example: 'x=1,-1,0.5,2',
        },
      );
    }
    tokens = 1;
    hidden = values.length;
  } else {
    tokens = parseIntegerParam('tokens', requireArg(args, 'tokens', '64'), SWIGLU_CAPS.tokens);
    hidden = parseIntegerParam('hidden', requireArg(args, 'hidden', '512'), SWIGLU_CAPS.hidden);
  }
  if (3 * hidden * ffn > SWIGLU_CAPS.weights) {
    throw new UserError(
      'kernels/too-large',
      `3 × hidden × ffn = ${3 * hidden * ffn} weights is over the cap of ${SWIGLU_CAPS.weights}.`,
      { example: `hidden=${hidden} ffn=${Math.max(1, Math.floor(SWIGLU_CAPS.weights / (3 * hidden)))}` },
    );
  }
  if (tokens * Math.max(hidden, ffn) > SWIGLU_CAPS.activations) {
    throw new UserError(
      'kernels/too-large',
      `tokens × max(hidden, ffn) = ${tokens * Math.max(hidden, ffn)} activations is over the cap of ${SWIGLU_CAPS.activations}.`,
      { example: `tokens=${Math.max(1, Math.floor(SWIGLU_CAPS.activations / Math.max(hidden, ffn)))}` },
    );
  }
  return { tokens, hidden, ffn, values };
}

/**
 * Inputs: `x` (the user's or N(0, 1)), and weights N(0, 1/fan_in) — LeCun-normal scaling (LeCun et
 * al. 1998, "Efficient BackProp", §4.6), so every projection keeps activations O(1).
 */
export function makeSwigluInputs(params: SwigluParams, random: KernelRandom): KernelInputs {
  const { tokens, hidden, ffn } = params;
  const x = params.values ? Float32Array.from(params.values) : randomNormalArray(random, tokens * hidden);
  const tensor = (dims: number[], data: Float32Array) => ({ dtype: 'float32' as const, dims, data });
  return {
    x: tensor([tokens, hidden], x),
    w_gate: tensor([hidden, ffn], randomNormalArray(random, hidden * ffn, 1 / Math.sqrt(hidden))),
    w_up: tensor([hidden, ffn], randomNormalArray(random, hidden * ffn, 1 / Math.sqrt(hidden))),
    w_down: tensor([ffn, hidden], randomNormalArray(random, ffn * hidden, 1 / Math.sqrt(ffn))),
  };
}

/** The params as plain JSON for `reply.data`. */
export function describeSwiglu(params: SwigluParams): Record<string, number | string> {
  return {
    tokens: params.tokens,
    hidden: params.hidden,
    ffn: params.ffn,
    values: params.values === null ? 'random' : 'given',
  };
}
