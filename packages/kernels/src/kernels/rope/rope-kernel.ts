/**
 * `/kernel rope`: rotary position embedding (Su et al. 2021, RoFormer) in both pairings, composed and
 * with the two fused onnxruntime ops.
 *
 * @module
 */

import { defineKernel } from '../../kernel-definition.js';
import { float32Input } from '../common/tensor-inputs.js';
import { buildComposedRope, buildContribRope, buildOnnxRope } from './rope-graphs.js';
import {
  describeRope,
  makeRopeInputs,
  parseRopeParams,
  ROPE_PARAMS,
  type RopeParams,
} from './rope-params.js';
import { ropeRows } from './rope-reference.js';

/** Operations per element: two multiplies and one add or subtract (a pair takes 4 Mul + 2 Add). */
export const ROPE_OPS_PER_ELEMENT = 3;

/** The RoPE kernel. */
export const ropeKernel = defineKernel<RopeParams>({
  name: 'rope',
  description: 'Rotary position embedding (RoFormer): half-split (NeoX/Llama) or interleaved (GPT-J) pairs',
  params: ROPE_PARAMS,
  examples: [
    'x=1,0,0,1 position=3 style=half',
    'x=1,0,0,1 position=3 style=interleaved',
    'seq=2048 heads=32 head_dim=128',
  ],
  // |y| = |x| per pair (a rotation); cos/sin are float32-rounded (≈ 6e-8 relative), so the error is a
  // few ulp of the pair's length: for N(0, 1) input well under 1e-5.
  tolerance: { float32: { atol: 1e-5, rtol: 1e-5 } },
  benchSizes: [
    { args: { seq: '1', heads: '32', head_dim: '128', position: '4096' }, reference: true },
    { args: { seq: '512', heads: '32', head_dim: '128' }, reference: true },
    { args: { seq: '2048', heads: '16', head_dim: '128' }, reference: true },
  ],
  parse: parseRopeParams,
  makeInputs: makeRopeInputs,
  flops: (params) => ROPE_OPS_PER_ELEMENT * params.heads * params.seq * params.headDim,
  // Read x and the float32 cos/sin tables [seq, d/2] each, write y (the fused ops read the tables).
  bytesMoved: (params) => 4 * (2 * params.heads * params.seq * params.headDim + params.seq * params.headDim),
  boundBy: () => 'memory',
  // The composed graph holds x, both halves, four products, two sums and y: about 6 × the input.
  workBytes: (params) => 6 * 4 * params.heads * params.seq * params.headDim,
  implementations: [
    {
      id: 'composed',
      variant: 'composed',
      label: 'Range, Pow, Cos, Sin (float64), Slice/Gather, Mul, Sub, Add, Concat',
      build: buildComposedRope,
    },
    { id: 'rope-23', variant: 'fused', label: 'RotaryEmbedding (opset 23)', build: buildOnnxRope },
    { id: 'contrib', variant: 'fused', label: 'com.microsoft.RotaryEmbedding', build: buildContribRope },
  ],
  reference: (params, inputs) => ({
    dtype: 'float64',
    dims: [1, params.heads, params.seq, params.headDim],
    data: ropeRows(float32Input(inputs, 'x'), params),
  }),
  describe: describeRope,
});
