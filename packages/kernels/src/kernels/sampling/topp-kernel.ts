/**
 * `/kernel topp`: nucleus filter — keep the smallest set of most likely tokens whose mass reaches p,
 * renormalise (Holtzman et al. 2020, "The Curious Case of Neural Text Degeneration", §3.1).
 *
 * @module
 */

import { defineKernel, type KernelGraph, type KernelInputs, toKernelGraph } from '../../kernel-definition.js';
import { createGraphBuilder, type GraphBuilder } from '../../onnx/graph-builder.js';
import { float32Input, scalarInput } from '../common/tensor-inputs.js';
import { LOGITS_PARAMS, makeLogits } from '../softmax/logits-params.js';
import { addComposedSoftmax, temperatureUnavailable } from '../softmax/softmax-graphs.js';
import { addRowMass } from './mass-threshold.js';
import { addAnyRow, addFallback, addFastNucleus, addNucleusDense } from './nucleus-graphs.js';
import { addLastDim, addNucleus, addScatterToVocab, addTopK } from './sampling-graphs.js';
import { describeSampling, parseSamplingParams, pParam, type SamplingParams } from './sampling-params.js';
import { filteredRows } from './topk-kernel.js';

/**
 * `p` as fed to the graphs: `p = 1` is fed as 2 so that a float32 prefix sum rounding to 1 (or a hair
 * above) cannot drop tail tokens that the reference keeps.
 */
export function graphP(p: number): number {
  return p >= 1 ? 2 : p;
}

/**
 * The full-sort top-p graph: `TopK` of the whole row → softmax → exclusive `CumSum` < p →
 * renormalise → scatter back. Exact for every input; used when the candidates do not suffice.
 * @returns Probabilities `[rows, vocab]`.
 */
export function addFullSortTopp(g: GraphBuilder, logits: string, temperature: string, p: string): string {
  const [sorted, indices] = addTopK(g, logits, addLastDim(g, logits));
  const { probs: nucleus } = addNucleus(g, addComposedSoftmax(g, sorted, temperature), p);
  return addScatterToVocab(g, logits, indices, nucleus);
}

/**
 * Composed graph: softmax over the row, then the nucleus from a logit threshold and sorted
 * candidates (`nucleus-graphs.ts`), with `If` falling back to {@link addFullSortTopp}. At `p = 1`
 * nothing is dropped and the graph is the softmax alone.
 */
function buildComposed(params: SamplingParams, inputs: KernelInputs): KernelGraph | { unavailable: string } {
  const unavailable = temperatureUnavailable(params, Number.MIN_VALUE);
  if (unavailable) return unavailable;
  const g = createGraphBuilder({ name: 'topp-composed' });
  const logits = g.input('logits', 'float32', ['rows', 'vocab']);
  const temperature = g.input('temperature', 'float32', [1]);
  const p = g.input('p', 'float32', [1]);
  const q = addComposedSoftmax(g, logits, temperature);
  let probs = q;
  if (params.p < 1) {
    const row = addRowMass(g, logits, q, 'topp');
    const nucleus = addFastNucleus(g, row, p, params.vocab, 'nucleus');
    probs = addFallback(
      g,
      addAnyRow(g, nucleus.invalid),
      { dtype: 'float32', shape: ['rows', 'vocab'], prefix: 'topp' },
      (branch) => addFullSortTopp(branch, logits, temperature, p),
      (branch) => addNucleusDense(branch, row, nucleus, 'dense'),
    );
  }
  g.output(probs, 'float32', ['rows', 'vocab']);
  const feeds: KernelInputs = {
    logits: inputs.logits!,
    temperature: scalarInput(params.temperature),
    p: scalarInput(graphP(params.p)),
  };
  return toKernelGraph(g, feeds, probs);
}

/** The top-p (nucleus) filter kernel. */
export const toppKernel = defineKernel<SamplingParams>({
  name: 'topp',
  description: 'Top-p (nucleus) filter: keep the smallest most-likely set with mass ≥ p, renormalise',
  params: { ...LOGITS_PARAMS, p: pParam('0.9') },
  examples: [
    'logits=2,1,0.5,0.1 p=0.8',
    'logits=2,1,0.5,0.1 p=0.5 temperature=2',
    'rows=4 vocab=32000 p=0.95',
  ],
  // As softmax; a token whose prefix mass lies within float32 rounding (≈ 1e-7) of p may be kept by
  // one side and dropped by the other: then the renormalised values differ by far more than this.
  tolerance: { float32: { atol: 1e-5, rtol: 1e-4 } },
  benchSizes: [
    { args: { rows: '1', vocab: '32000', p: '0.9' }, reference: true },
    { args: { rows: '16', vocab: '128256', p: '0.9' }, reference: true },
  ],
  parse: (args) => parseSamplingParams(args, 0),
  makeInputs: (params, random) => ({ logits: makeLogits(params, random) }),
  // A full sort (vocab·log2(vocab) comparisons), a 5-op softmax, an exclusive prefix sum, a compare,
  // a select and a renormalisation (5 more per token).
  flops: (params) => params.rows * params.vocab * (Math.log2(Math.max(2, params.vocab)) + 10),
  bytesMoved: (params) => 2 * 4 * params.rows * params.vocab,
  boundBy: () => 'memory',
  // About ten [rows, vocab] temporaries, the int64 sort indices among them.
  workBytes: (params) => 10 * 8 * params.rows * params.vocab,
  implementations: [
    {
      id: 'composed',
      variant: 'composed',
      label:
        'softmax, threshold search (Greater, Where, ReduceSum), TopK of candidates, CumSum, ScatterElements; If → full-sort TopK',
      build: buildComposed,
    },
  ],
  reference: (params, inputs) => ({
    dtype: 'float64',
    dims: [params.rows, params.vocab],
    data: filteredRows(params, float32Input(inputs, 'logits')),
  }),
  describe: describeSampling,
});
