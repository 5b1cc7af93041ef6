/**
 * `/kernel rmsnorm`: RMSNorm over the last axis (Zhang & Sennrich 2019), composed and three fused ops.
 *
 * @module
 */

import { defineKernel } from '../../kernel-definition.js';
import { float32Input } from '../common/tensor-inputs.js';
import { buildComposedNorm, buildOnnxNorm, buildSimplifiedNorm, buildSkipNorm } from './norm-graphs.js';
import {
  describeNorm,
  makeNormInputs,
  NORM_PARAMS,
  type NormParams,
  parseNormParams,
} from './norm-params.js';
import { rmsNormRows } from './norm-reference.js';

/** Operations per element: square, add to the mean square, divide by the RMS, scale by γ. */
export const RMSNORM_OPS_PER_ELEMENT = 4;

/** The RMSNorm kernel. */
export const rmsnormKernel = defineKernel<NormParams>({
  name: 'rmsnorm',
  description:
    'RMSNorm over the last axis: x/√(mean(x²) + ε)·γ, no mean, no bias (compare: /kernel layernorm)',
  params: NORM_PARAMS,
  examples: ['x=1,2,3,4', 'x=0,0,0,1', 'rows=512 hidden=4096 epsilon=1e-6'],
  // Outputs are O(1); one pass of float32 sums of squares errs by a few ulp of the row's scale.
  tolerance: { float32: { atol: 1e-4, rtol: 1e-4 } },
  benchSizes: [
    { args: { rows: '1', hidden: '4096' }, reference: true },
    { args: { rows: '512', hidden: '4096' }, reference: true },
    { args: { rows: '1024', hidden: '4096' }, reference: true },
  ],
  parse: parseNormParams,
  makeInputs: makeNormInputs,
  flops: (params) => RMSNORM_OPS_PER_ELEMENT * params.rows * params.hidden,
  // Read x and γ once, write y once (float32); the zero residual of the Skip op is not counted.
  bytesMoved: (params) => 4 * (2 * params.rows * params.hidden + params.hidden),
  boundBy: () => 'memory',
  // The composed graph keeps x, x², the quotient and y alive; the Skip op also reads a zero residual.
  workBytes: (params) => 5 * 4 * params.rows * params.hidden,
  implementations: [
    {
      id: 'composed',
      variant: 'composed',
      label: 'Pow, ReduceMean, Add, Sqrt, Div, Mul',
      build: (params, inputs) => buildComposedNorm('rms', params, inputs),
    },
    {
      id: 'rmsnorm-23',
      variant: 'fused',
      label: 'RMSNormalization (opset 23)',
      build: (params, inputs) => buildOnnxNorm('rms', params, inputs),
    },
    {
      id: 'simplified-layernorm',
      variant: 'fused',
      label: 'SimplifiedLayerNormalization (onnxruntime op, default domain)',
      build: buildSimplifiedNorm,
    },
    {
      id: 'skip-simplified-layernorm',
      variant: 'fused',
      label: 'com.microsoft.SkipSimplifiedLayerNormalization (residual = 0)',
      build: (params, inputs) => buildSkipNorm('rms', params, inputs),
    },
  ],
  reference: (params, inputs) => ({
    dtype: 'float64',
    dims: [params.rows, params.hidden],
    data: rmsNormRows(float32Input(inputs, 'x'), float32Input(inputs, 'gamma'), params),
  }),
  describe: describeNorm,
});
