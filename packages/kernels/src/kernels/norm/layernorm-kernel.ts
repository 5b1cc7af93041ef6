/**
 * `/kernel layernorm`: LayerNorm over the last axis (Ba, Kiros & Hinton 2016), composed and fused.
 *
 * @module
 */

import { defineKernel } from '../../kernel-definition.js';
import { float32Input } from '../common/tensor-inputs.js';
import { buildComposedNorm, buildOnnxNorm, buildSkipNorm } from './norm-graphs.js';
import {
  describeNorm,
  makeNormInputs,
  NORM_PARAMS,
  type NormParams,
  parseNormParams,
} from './norm-params.js';
import { layerNormRows } from './norm-reference.js';

/**
 * Operations per element: add to the mean, subtract it, square, add to the variance, divide by the
 * standard deviation, scale by γ, shift by β (one square root per row is not counted).
 */
export const LAYERNORM_OPS_PER_ELEMENT = 7;

/** The LayerNorm kernel. */
export const layernormKernel = defineKernel<NormParams>({
  name: 'layernorm',
  description: 'LayerNorm over the last axis: (x − mean)/√(var + ε)·γ + β (compare: /kernel rmsnorm)',
  params: NORM_PARAMS,
  examples: ['x=1,2,3,4', 'x=1,1,1,1 epsilon=1e-5', 'rows=512 hidden=4096'],
  // Outputs are O(1) (unit variance times γ ≈ 1). float32 two-pass statistics err by a few ulp of the
  // row's scale; inputs with a mean far larger than their spread (e.g. 1e4 ± 1) lose more.
  tolerance: { float32: { atol: 1e-4, rtol: 1e-4 } },
  benchSizes: [
    { args: { rows: '1', hidden: '4096' }, reference: true },
    { args: { rows: '512', hidden: '4096' }, reference: true },
    { args: { rows: '1024', hidden: '4096' }, reference: true },
  ],
  parse: parseNormParams,
  makeInputs: makeNormInputs,
  flops: (params) => LAYERNORM_OPS_PER_ELEMENT * params.rows * params.hidden,
  // Read x, γ and β once, write y once (float32).
  bytesMoved: (params) => 4 * (2 * params.rows * params.hidden + 2 * params.hidden),
  boundBy: () => 'memory',
  // The composed graph keeps x, x − μ, its square, the quotient, the product and y alive: 6 × [rows, hidden].
  workBytes: (params) => 6 * 4 * params.rows * params.hidden,
  implementations: [
    {
      id: 'composed',
      variant: 'composed',
      label: 'ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div, Mul, Add',
      build: (params, inputs) => buildComposedNorm('layer', params, inputs),
    },
    {
      id: 'layernorm-17',
      variant: 'fused',
      label: 'LayerNormalization (opset 17)',
      build: (params, inputs) => buildOnnxNorm('layer', params, inputs),
    },
    {
      id: 'skip-layernorm',
      variant: 'fused',
      label: 'com.microsoft.SkipLayerNormalization (residual = 0)',
      build: (params, inputs) => buildSkipNorm('layer', params, inputs),
    },
  ],
  reference: (params, inputs) => ({
    dtype: 'float64',
    dims: [params.rows, params.hidden],
    data: layerNormRows(
      float32Input(inputs, 'x'),
      float32Input(inputs, 'gamma'),
      float32Input(inputs, 'beta'),
      params,
    ),
  }),
  describe: describeNorm,
});
