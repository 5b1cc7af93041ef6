/**
 * `/kernel sample`: one decoding step — temperature, top-k, top-p, renormalise, then pick a token by
 * inverse transform sampling with a uniform draw `u` fed as an input (so runs are reproducible).
 *
 * @module
 */

import { defineKernel, type KernelGraph, type KernelInputs, toKernelGraph } from '../../kernel-definition.js';
import { createGraphBuilder, type GraphBuilder } from '../../onnx/graph-builder.js';
import { float32Input, scalarInput } from '../common/tensor-inputs.js';
import { LOGITS_PARAMS, makeLogits } from '../softmax/logits-params.js';
import { addComposedSoftmax, temperatureUnavailable } from '../softmax/softmax-graphs.js';
import { addFastSample } from './fast-sample-graph.js';
import { addRowMass } from './mass-threshold.js';
import { addAnyRow, addFallback } from './nucleus-graphs.js';
import { addInverseTransform, addNucleus, addTopK } from './sampling-graphs.js';
import {
  describeSampling,
  keptByTopK,
  kParam,
  makeUniforms,
  parseSamplingParams,
  pParam,
  type SamplingParams,
  U_PARAM,
} from './sampling-params.js';
import { filterRow, sampleFromFiltered } from './sampling-reference.js';
import { graphP } from './topp-kernel.js';

/** The reference: one sampled token id per row, int64 `[rows]`. */
export function sampleRows(params: SamplingParams, logits: Float32Array, u: Float32Array): BigInt64Array {
  const out = new BigInt64Array(params.rows);
  for (let r = 0; r < params.rows; r++) {
    const row = filterRow(logits.subarray(r * params.vocab, (r + 1) * params.vocab), params);
    out[r] = BigInt(sampleFromFiltered(row, u[r]!));
  }
  return out;
}

/**
 * The full-sort sampling graph: TopK → softmax → nucleus mask → renormalise → CumSum → count ≤ u →
 * GatherElements. Exact for every input.
 * @returns Token ids `[rows]` int64.
 */
function addFullSortSample(
  g: GraphBuilder,
  logits: string,
  temperature: string,
  k: string,
  p: string,
  u: string,
) {
  const [values, indices] = addTopK(g, logits, k);
  const { keep, probs } = addNucleus(g, addComposedSoftmax(g, values, temperature), p);
  return addInverseTransform(g, probs, keep, indices, u);
}

/**
 * Composed graph. With top-k on (`0 < k < vocab`) the full-sort graph on the k survivors; with top-k
 * off, the softmax over the row and the sort-free search of `fast-sample-graph.ts`, with `If`
 * falling back to the full sort.
 */
function buildComposed(params: SamplingParams, inputs: KernelInputs): KernelGraph | { unavailable: string } {
  const unavailable = temperatureUnavailable(params, Number.MIN_VALUE);
  if (unavailable) return unavailable;
  const g = createGraphBuilder({ name: 'sample-composed' });
  const logits = g.input('logits', 'float32', ['rows', 'vocab']);
  const temperature = g.input('temperature', 'float32', [1]);
  const k = g.input('k', 'int64', [1]);
  const p = g.input('p', 'float32', [1]);
  const u = g.input('u', 'float32', ['rows', 1]);
  let token: string;
  if (keptByTopK(params) < params.vocab) token = addFullSortSample(g, logits, temperature, k, p, u);
  else {
    const row = addRowMass(g, logits, addComposedSoftmax(g, logits, temperature), 'sample');
    const fast = addFastSample(g, row, { p, u, topP: params.p < 1, vocab: params.vocab });
    const batchAxis = g.constant('token_axes', 'int64', [1], [-1]);
    token = addFallback(
      g,
      addAnyRow(g, fast.invalid),
      { dtype: 'int64', shape: ['rows'], prefix: 'sample' },
      (branch) => addFullSortSample(branch, logits, temperature, k, p, u),
      (branch) => branch.node('Squeeze', [fast.token, batchAxis]),
    );
  }
  g.output(token, 'int64', ['rows']);
  const feeds: KernelInputs = {
    logits: inputs.logits!,
    temperature: scalarInput(params.temperature),
    k: { dtype: 'int64', dims: [1], data: BigInt64Array.of(BigInt(keptByTopK(params))) },
    p: scalarInput(graphP(params.p)),
    u: inputs.u!,
  };
  return toKernelGraph(g, feeds, token);
}

/** The sampling-step kernel. */
export const sampleKernel = defineKernel<SamplingParams>({
  name: 'sample',
  description: 'One sampling step: temperature, top-k, top-p, then pick a token with a uniform draw u',
  params: { ...LOGITS_PARAMS, k: kParam(true), p: pParam('1'), u: U_PARAM },
  examples: [
    'logits=2,1,0.5,0.1 p=0.8 u=0.7',
    'logits=2,1,0.5,0.1 k=1',
    'rows=8 vocab=32000 k=50 p=0.9 temperature=0.8',
  ],
  // Token ids must match exactly. A draw within float32 rounding (≈ 1e-7) of a cumulative
  // probability can pick the neighbouring token; so can a top-p boundary that close to p.
  tolerance: { float32: { atol: 0, rtol: 0 }, int64: { atol: 0, rtol: 0 } },
  benchSizes: [
    { args: { rows: '1', vocab: '32000', k: '50', p: '0.9' }, reference: true },
    { args: { rows: '16', vocab: '128256', k: '0', p: '0.9' }, reference: true },
  ],
  parse: (args) => parseSamplingParams(args, 0),
  makeInputs: (params, random) => ({ logits: makeLogits(params, random), u: makeUniforms(params, random) }),
  // Selection (vocab·log2 k comparisons), then about a dozen ops per kept value (softmax, prefix sums,
  // compares, selects, renormalisation).
  flops: (params) => {
    const kept = keptByTopK(params);
    return params.rows * (params.vocab * Math.log2(Math.max(2, kept)) + 12 * kept);
  },
  // Read the logits and one draw per row, write one int64 token id per row.
  bytesMoved: (params) => params.rows * (4 * params.vocab + 4 + 8),
  boundBy: () => 'memory',
  workBytes: (params) => 4 * params.rows * params.vocab + 12 * 8 * params.rows * keptByTopK(params),
  implementations: [
    {
      id: 'composed',
      variant: 'composed',
      label:
        'top-k on: TopK, softmax, CumSum, Where, CumSum, GatherElements; top-k off: softmax, threshold searches, TopK of candidates, If → full sort',
      build: buildComposed,
    },
  ],
  reference: (params, inputs) => ({
    dtype: 'int64',
    dims: [params.rows],
    data: sampleRows(params, float32Input(inputs, 'logits'), float32Input(inputs, 'u')),
  }),
  describe: describeSampling,
});
