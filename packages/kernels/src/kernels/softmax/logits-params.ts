/**
 * Params shared by the kernels that read a row of logits (softmax, top-k, top-p, sampling): the
 * user's own logits, or a random `[rows, vocab]` matrix, and a temperature.
 *
 * @module
 */

import { UserError } from '@mlsys/errors';
import type { HostTensor, KernelParam, KernelRandom } from '../../kernel-definition.js';
import {
  parseIntegerParam,
  parseNumberListParam,
  parseNumberParam,
  requireArg,
} from '../../kernel-params.js';

/** Logits of every row: `[rows, vocab]`, from the user (`values`, one row) or seeded random. */
export interface LogitsParams {
  rows: number;
  vocab: number;
  /** Softmax temperature `T ≥ 0`; 0 is the greedy (argmax) limit. */
  temperature: number;
  /** The user's logits (one row), or `null` for seeded random ones. */
  values: readonly number[] | null;
}

/**
 * Caps. `vocab` up to 2^18 = 262,144 (larger than the 256,000-token Gemma-2 vocabulary, models.md);
 * `rows × vocab` up to 2^22 values (16 MiB of float32); at most 256 logits typed by hand; |logit| up
 * to 1e6 and temperature 0–100, so `z/T` stays far inside float32 range (3.4e38).
 */
export const LOGITS_CAPS = {
  rows: { min: 1, max: 256, example: 8 },
  vocab: { min: 1, max: 262_144, example: 32_000 },
  cells: 2 ** 22,
  listed: 256,
  magnitude: 1e6,
  temperature: { min: 0, max: 100, example: 0.7 },
} as const;

/** The smallest temperature the graphs accept; below it only the reference's argmax limit (T = 0) runs. */
export const MIN_GRAPH_TEMPERATURE = 1e-3;

/** User-facing params of the logits kernels (each kernel adds its own). */
export const LOGITS_PARAMS: Readonly<Record<string, KernelParam>> = {
  logits: {
    description: `Your logits, comma-separated (one row, up to ${LOGITS_CAPS.listed}); random when absent`,
    kind: 'string',
    example: '2,1,0.5,0.1',
  },
  temperature: {
    description: 'Softmax temperature T (0 = greedy argmax, 1 = unchanged), 0–100',
    kind: 'number',
    default: '1',
    example: '0.7',
  },
  rows: {
    description: 'Rows of random logits (batch × positions), 1–256',
    kind: 'integer',
    default: '4',
    example: '8',
  },
  vocab: {
    description: 'Vocabulary size of random logits (Llama-2: 32000), 1–262144',
    kind: 'integer',
    default: '32000',
    example: '128256',
  },
};

/**
 * Typed logits params from raw text (defaults filled in). Given `logits`, `rows` is 1 and `vocab` their count.
 * @throws UserError for a bad number, a value over its cap, or too many values.
 */
export function parseLogitsParams(args: Readonly<Record<string, string>>): LogitsParams {
  const temperature = parseNumberParam(
    'temperature',
    requireArg(args, 'temperature', '1'),
    LOGITS_CAPS.temperature,
  );
  if (args.logits !== undefined) {
    const values = parseNumberListParam('logits', args.logits, LOGITS_CAPS.listed);
    const big = values.find((value) => Math.abs(value) > LOGITS_CAPS.magnitude);
    if (big !== undefined) {
      throw new UserError(
        'kernels/out-of-range',
        `Each logit must be within ±${LOGITS_CAPS.magnitude}; got ${big}.`,
        { example: 'logits=1000,999,990' },
      );
    }
    return { rows: 1, vocab: values.length, temperature, values };
  }
  const rows = parseIntegerParam('rows', requireArg(args, 'rows', '4'), LOGITS_CAPS.rows);
  const vocab = parseIntegerParam('vocab', requireArg(args, 'vocab', '32000'), LOGITS_CAPS.vocab);
  if (rows * vocab > LOGITS_CAPS.cells) {
    throw new UserError(
      'kernels/too-large',
      `rows × vocab = ${rows * vocab} logits is over the cap of ${LOGITS_CAPS.cells}.`,
      { example: `rows=${Math.max(1, Math.floor(LOGITS_CAPS.cells / vocab))} vocab=${vocab}` },
    );
  }
  return { rows, vocab, temperature, values: null };
}

/** Standard deviation of random logits: N(0, 2²) gives a few clear favourites in a long tail. */
export const RANDOM_LOGIT_STD = 2;

/** The `logits` input `[rows, vocab]` float32: the user's values or N(0, 2²) draws. */
export function makeLogits(params: LogitsParams, random: KernelRandom): HostTensor {
  const count = params.rows * params.vocab;
  const data = new Float32Array(count);
  if (params.values) data.set(params.values);
  else for (let i = 0; i < count; i++) data[i] = random.normal() * RANDOM_LOGIT_STD;
  return { dtype: 'float32', dims: [params.rows, params.vocab], data };
}

/** `{ rows, vocab, temperature, logits: given or random }` for `reply.data`. */
export function describeLogits(params: LogitsParams): Record<string, number | string> {
  return {
    rows: params.rows,
    vocab: params.vocab,
    temperature: params.temperature,
    logits: params.values === null ? 'random' : 'given',
  };
}
