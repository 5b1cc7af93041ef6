/**
 * Params shared by the LayerNorm and RMSNorm kernels: the user's vector or a random `[rows, hidden]`
 * matrix, and epsilon.
 *
 * @module
 */

import { UserError } from '@mlsys/errors';
import type { HostTensor, KernelInputs, KernelParam, KernelRandom } from '../../kernel-definition.js';
import {
  parseIntegerParam,
  parseNumberListParam,
  parseNumberParam,
  requireArg,
} from '../../kernel-params.js';
import { randomNormalArray } from '../../random.js';
import type { NormShape } from './norm-reference.js';

/** Norm params: shape, epsilon and the user's values (one row) or `null` for seeded random ones. */
export interface NormParams extends NormShape {
  values: readonly number[] | null;
}

/** Caps: hidden up to 16,384 (Llama-3.1-405B's hidden size, models.md), 2^22 values in all. */
export const NORM_CAPS = {
  rows: { min: 1, max: 4096 },
  hidden: { min: 1, max: 16_384 },
  cells: 2 ** 22,
  listed: 256,
  magnitude: 1e6,
  epsilon: { min: 1e-12, max: 1 },
} as const;

/** The user-facing params of both norm kernels. */
export const NORM_PARAMS: Readonly<Record<string, KernelParam>> = {
  x: {
    description: `Your vector, comma-separated (one row, up to ${NORM_CAPS.listed}; γ = 1, β = 0); random when absent`,
    kind: 'string',
    example: '1,2,3,4',
  },
  rows: {
    description: 'Rows (tokens) of random input, 1–4096',
    kind: 'integer',
    default: '128',
    example: '512',
  },
  hidden: {
    description: 'Elements per row (Llama-3.1-8B: 4096), 1–16384',
    kind: 'integer',
    default: '4096',
    example: '4096',
  },
  epsilon: {
    // 1e-5: the default of PyTorch nn.LayerNorm and ONNX LayerNormalization; Llama-3.1 rms_norm_eps (config.json).
    description: 'ε inside the square root, 1e-12–1 (PyTorch LayerNorm and Llama-3.1: 1e-5)',
    kind: 'number',
    default: '1e-5',
    example: '1e-6',
  },
};

/**
 * Typed norm params (defaults filled in). Given `x`, `rows` is 1 and `hidden` its length.
 * @throws UserError for a bad number, a value over its cap or too many values.
 */
export function parseNormParams(args: Readonly<Record<string, string>>): NormParams {
  const epsilon = parseNumberParam('epsilon', requireArg(args, 'epsilon', '1e-5'), NORM_CAPS.epsilon);
  if (args.x !== undefined) {
    const values = parseNumberListParam('x', args.x, NORM_CAPS.listed);
    const big = values.find((value) => Math.abs(value) > NORM_CAPS.magnitude);
    if (big !== undefined) {
      throw new UserError(
        'kernels/out-of-range',
        `Each x must be within ±${NORM_CAPS.magnitude}; got ${big}.`,
        {
          example: 'x=1,2,3,4',
        },
      );
    }
    return { rows: 1, hidden: values.length, epsilon, values };
  }
  const rows = parseIntegerParam('rows', requireArg(args, 'rows', '128'), NORM_CAPS.rows);
  const hidden = parseIntegerParam('hidden', requireArg(args, 'hidden', '4096'), NORM_CAPS.hidden);
  if (rows * hidden > NORM_CAPS.cells) {
    throw new UserError(
      'kernels/too-large',
      `rows × hidden = ${rows * hidden} values is over the cap of ${NORM_CAPS.cells}.`,
      { example: `rows=${Math.max(1, Math.floor(NORM_CAPS.cells / hidden))} hidden=${hidden}` },
    );
  }
  return { rows, hidden, epsilon, values: null };
}

/**
 * Inputs: `x [rows, hidden]`, `gamma [hidden]`, `beta [hidden]`. The user's `x` gets γ = 1, β = 0;
 * random input is N(0, 1) with γ = 1 + 0.1·N(0, 1) and β = 0.1·N(0, 1), like a trained norm's weights.
 */
export function makeNormInputs(params: NormParams, random: KernelRandom): KernelInputs {
  const { rows, hidden } = params;
  const x = params.values ? Float32Array.from(params.values) : randomNormalArray(random, rows * hidden);
  const gamma = new Float32Array(hidden).fill(1);
  const beta = new Float32Array(hidden);
  if (!params.values) {
    for (let i = 0; i < hidden; i++) gamma[i] = 1 + 0.1 * random.normal();
    for (let i = 0; i < hidden; i++) beta[i] = 0.1 * random.normal();
  }
  const tensor = (dims: number[], data: Float32Array): HostTensor => ({ dtype: 'float32', dims, data });
  return { x: tensor([rows, hidden], x), gamma: tensor([hidden], gamma), beta: tensor([hidden], beta) };
}

/** The params as plain JSON for `reply.data`. */
export function describeNorm(params: NormParams): Record<string, number | string> {
  return {
    rows: params.rows,
    hidden: params.hidden,
    epsilon: params.epsilon,
    values: params.values === null ? 'random' : 'given',
  };
}
