/**
 * Params of the top-k, top-p and sampling kernels: the logits params plus `k`, `p` and the uniform
 * draw `u`.
 *
 * @module
 */

import type { HostTensor, KernelParam, KernelRandom } from '../../kernel-definition.js';
import { parseIntegerParam, parseNumberParam } from '../../kernel-params.js';
import { LOGITS_CAPS, type LogitsParams, parseLogitsParams } from '../softmax/logits-params.js';
import type { SamplingSettings } from './sampling-reference.js';

/** Logits params plus the filter settings and an optional fixed uniform draw. */
export interface SamplingParams extends LogitsParams, SamplingSettings {
  /** The uniform draw in [0, 1) used for every row, or `null` for a seeded draw per row. */
  u: number | null;
}

/** The `k` param; `off` says whether 0 (no top-k) is allowed. Hugging Face's default is 50. */
export function kParam(off: boolean): KernelParam {
  return {
    description: off
      ? 'Top-k: keep the k most likely tokens (0 = off; above vocab = all)'
      : 'Top-k: keep the k most likely tokens (above vocab = all)',
    kind: 'integer',
    default: '50',
    example: '40',
  };
}

/** The `p` param with its default (Hugging Face's is 1.0, i.e. off). */
export function pParam(defaultValue: string): KernelParam {
  return {
    description: 'Top-p: keep the smallest most-likely set with mass ≥ p, 0 < p ≤ 1 (1 = off)',
    kind: 'number',
    default: defaultValue,
    example: '0.9',
  };
}

/** The `u` param: the uniform draw of the sampling step. */
export const U_PARAM: KernelParam = {
  description: 'Uniform draw in [0, 0.999999] used by every row (seeded random when absent)',
  kind: 'number',
  example: '0.42',
};

/**
 * Typed params: `k` (0 = off when `kMin` is 0), `p` in (0, 1], `u` in [0, 1). Absent `k`/`p` mean off.
 * @throws UserError for a bad or out-of-range value.
 */
export function parseSamplingParams(args: Readonly<Record<string, string>>, kMin: 0 | 1): SamplingParams {
  const logits = parseLogitsParams(args);
  const k =
    args.k === undefined
      ? 0
      : parseIntegerParam('k', args.k, { min: kMin, max: LOGITS_CAPS.vocab.max, example: 50 });
  // p = 0 would keep nothing.
  const p =
    args.p === undefined
      ? 1
      : parseNumberParam('p', args.p, { min: 0, minExclusive: true, max: 1, example: 0.9 });
  const u =
    args.u === undefined ? null : parseNumberParam('u', args.u, { min: 0, max: 0.999999, example: 0.42 });
  return { ...logits, k, p, u };
}

/** Tokens top-k keeps: `k`, or the whole vocabulary when `k` is 0 or larger than it. */
export function keptByTopK(params: SamplingParams): number {
  return params.k === 0 ? params.vocab : Math.min(params.k, params.vocab);
}

/** The `u` input `[rows, 1]` float32: the user's draw for every row, or seeded uniforms. */
export function makeUniforms(params: SamplingParams, random: KernelRandom): HostTensor {
  const data = new Float32Array(params.rows);
  for (let r = 0; r < params.rows; r++) data[r] = params.u ?? random.uniform();
  return { dtype: 'float32', dims: [params.rows, 1], data };
}

/** The params as plain JSON for `reply.data`. */
export function describeSampling(params: SamplingParams): Record<string, number | string> {
  return {
    rows: params.rows,
    vocab: params.vocab,
    temperature: params.temperature,
    logits: params.values === null ? 'random' : 'given',
    k: params.k,
    kept_by_top_k: keptByTopK(params),
    p: params.p,
    ...(params.u === null ? {} : { u: params.u }),
  };
}
