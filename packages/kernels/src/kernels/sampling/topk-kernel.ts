/**
 * `/kernel topk`: keep the k most likely tokens and renormalise (Fan, Lewis & Dauphin 2018, §5.4).
 *
 * @module
 */

import { defineKernel, type KernelGraph, type KernelInputs, toKernelGraph } from '../../kernel-definition.js';
import { createGraphBuilder } from '../../onnx/graph-builder.js';
import { float32Input, scalarInput } from '../common/tensor-inputs.js';
import { LOGITS_PARAMS, makeLogits } from '../softmax/logits-params.js';
import { addComposedSoftmax, temperatureUnavailable } from '../softmax/softmax-graphs.js';
import { addScatterToVocab, addTopK } from './sampling-graphs.js';
import {
  describeSampling,
  keptByTopK,
  kParam,
  parseSamplingParams,
  type SamplingParams,
} from './sampling-params.js';
import { filterRow } from './sampling-reference.js';

/** The reference over every row: `[rows, vocab]` renormalised probabilities, 0 outside the top k. */
export function filteredRows(params: SamplingParams, logits: Float32Array): Float64Array {
  const { rows, vocab } = params;
  const out = new Float64Array(rows * vocab);
  for (let r = 0; r < rows; r++) {
    out.set(filterRow(logits.subarray(r * vocab, (r + 1) * vocab), params).probs, r * vocab);
  }
  return out;
}

/** Composed graph: `TopK` → softmax of the k values at temperature → `ScatterElements` into zeros. */
function buildComposed(params: SamplingParams, inputs: KernelInputs): KernelGraph | { unavailable: string } {
  const unavailable = temperatureUnavailable(params, Number.MIN_VALUE);
  if (unavailable) return unavailable;
  const g = createGraphBuilder({ name: 'topk-composed' });
  const logits = g.input('logits', 'float32', ['rows', 'vocab']);
  const temperature = g.input('temperature', 'float32', [1]);
  const k = g.input('k', 'int64', [1]);
  const [values, indices] = addTopK(g, logits, k);
  const probs = addScatterToVocab(g, logits, indices, addComposedSoftmax(g, values, temperature));
  g.output(probs, 'float32', ['rows', 'vocab']);
  const feeds: KernelInputs = {
    logits: inputs.logits!,
    temperature: scalarInput(params.temperature),
    k: { dtype: 'int64', dims: [1], data: BigInt64Array.of(BigInt(keptByTopK(params))) },
  };
  return toKernelGraph(g, feeds, probs);
}

/** The top-k filter kernel. */
export const topkKernel = defineKernel<SamplingParams>({
  name: 'topk',
  description: 'Top-k filter: keep the k most likely tokens, renormalise (ties: lower index first)',
  params: { ...LOGITS_PARAMS, k: kParam(false) },
  examples: ['logits=2,1,0.5,0.1 k=2', 'logits=1,3,3,0 k=1', 'rows=8 vocab=32000 k=50 temperature=0.7'],
  // Probabilities in [0, 1] from a composed softmax over the k kept logits (see softmax).
  tolerance: { float32: { atol: 1e-5, rtol: 1e-4 } },
  benchSizes: [
    { args: { rows: '1', vocab: '32000', k: '50' }, reference: true },
    { args: { rows: '16', vocab: '128256', k: '50' }, reference: true },
  ],
  parse: (args) => parseSamplingParams(args, 1),
  makeInputs: (params, random) => ({ logits: makeLogits(params, random) }),
  // Selection: about vocab·log2(k) comparisons (a k-element heap), then a 5-op softmax over k values.
  flops: (params) =>
    params.rows * (params.vocab * Math.log2(Math.max(2, keptByTopK(params))) + 5 * keptByTopK(params)),
  // Read the float32 logits once, write the dense float32 [rows, vocab] probabilities once.
  bytesMoved: (params) => 2 * 4 * params.rows * params.vocab,
  boundBy: () => 'memory',
  // Input, zeros and output [rows, vocab], plus [rows, k] values, int64 indices and softmax temporaries.
  workBytes: (params) => 3 * 4 * params.rows * params.vocab + 6 * 8 * params.rows * keptByTopK(params),
  implementations: [
    { id: 'composed', variant: 'composed', label: 'TopK, softmax, ScatterElements', build: buildComposed },
  ],
  reference: (params, inputs) => ({
    dtype: 'float64',
    dims: [params.rows, params.vocab],
    data: filteredRows(params, float32Input(inputs, 'logits')),
  }),
  describe: describeSampling,
});
