/**
 * `/kernel softmax`: softmax with temperature over rows of logits, as a composed ONNX graph, as
 * `Softmax` after a division, and in plain TypeScript.
 *
 * @module
 */

import { defineKernel } from '../../kernel-definition.js';
import { float32Input } from '../common/tensor-inputs.js';
import {
  describeLogits,
  LOGITS_PARAMS,
  type LogitsParams,
  makeLogits,
  parseLogitsParams,
} from './logits-params.js';
import { buildComposedSoftmax, buildFusedSoftmax } from './softmax-graphs.js';
import { softmaxRows } from './softmax-reference.js';

/** Elementwise operations per logit: subtract max, divide by T, exp, add to the sum, divide by it. */
const OPS_PER_LOGIT = 5;

/** The softmax-with-temperature kernel. */
export const softmaxKernel = defineKernel<LogitsParams>({
  name: 'softmax',
  description: 'Softmax with temperature over rows of logits (numerically stable; T = 0 is argmax)',
  params: LOGITS_PARAMS,
  examples: [
    'logits=1,2,3 temperature=0.5',
    'logits=2,1,0.1',
    'logits=1000,999,990 temperature=0.01',
    'rows=8 vocab=128256 temperature=0.7',
  ],
  // Probabilities lie in [0, 1]; float32 rounds each to ≈ 6e-8 relative. The fused graph rounds z/T
  // before subtracting the max, an error of ≈ |z|/T · 6e-8 in the exponent: atol covers |z|/T ≲ 100.
  tolerance: { float32: { atol: 1e-5, rtol: 1e-4 } },
  benchSizes: [
    { args: { rows: '1', vocab: '32000' }, reference: true },
    { args: { rows: '16', vocab: '32000' }, reference: true },
    { args: { rows: '32', vocab: '128256' }, reference: true },
  ],
  parse: parseLogitsParams,
  makeInputs: (params, random) => ({ logits: makeLogits(params, random) }),
  flops: (params) => OPS_PER_LOGIT * params.rows * params.vocab,
  // Read the float32 logits once, write the float32 probabilities once.
  bytesMoved: (params) => 2 * 4 * params.rows * params.vocab,
  boundBy: () => 'memory',
  // The composed graph holds the input and up to four [rows, vocab] float32 intermediates.
  workBytes: (params) => 5 * 4 * params.rows * params.vocab,
  implementations: [
    {
      id: 'composed',
      variant: 'composed',
      label: 'ReduceMax, Sub, Div, Exp, ReduceSum, Div',
      build: buildComposedSoftmax,
    },
    {
      id: 'softmax-13',
      variant: 'fused',
      label: 'Div, then Softmax (opset 13+, axis −1)',
      build: buildFusedSoftmax,
    },
  ],
  reference: (params, inputs) => ({
    dtype: 'float64',
    dims: [params.rows, params.vocab],
    data: softmaxRows(float32Input(inputs, 'logits'), params.rows, params.vocab, params.temperature),
  }),
  describe: describeLogits,
});
