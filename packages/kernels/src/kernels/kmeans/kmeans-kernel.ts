/**
 * `/kernel kmeans`: one k-means step (assign, then update) as a composed ONNX graph, checked against
 * a plain-TypeScript reference.
 *
 * @module
 */

import { defineKernel, type KernelGraph, type KernelInputs, toKernelGraph } from '../../kernel-definition.js';
import { createGraphBuilder } from '../../onnx/graph-builder.js';
import { float32Input } from '../common/tensor-inputs.js';
import {
  describeKmeans,
  KMEANS_PARAMS,
  type KmeansParams,
  makeKmeansInputs,
  parseKmeansParams,
} from './kmeans-params.js';
import { kmeansStep } from './kmeans-reference.js';

/** Above ≈ 10 FLOP per byte these machines are compute-bound (60–140 GFLOP/s vs ≈ 10 GB/s, onnxruntime.md). */
const RIDGE_FLOP_PER_BYTE = 10;

/**
 * Composed graph. Distances by the expansion `‖x − c‖² = ‖x‖² − 2·x·cᵀ + ‖c‖²` (one MatMul instead
 * of an n × k × dim difference tensor), `ArgMin` (first index on ties), a one-hot assignment matrix
 * from `Equal` against `0 … k−1`, per-cluster sums as `onehotᵀ · X` and counts as a `ReduceSum`;
 * empty clusters keep their centroid (`Where`).
 */
function buildComposed(params: KmeansParams, inputs: KernelInputs): KernelGraph {
  const g = createGraphBuilder({ name: 'kmeans-composed' });
  const x = g.input('points', 'float32', ['n', params.dim]);
  const c = g.input('centroids', 'float32', [params.k, params.dim]);
  const axis = (name: string, value: number) => g.constant(name, 'int64', [1], [value]);
  const two = g.constant('two', 'float32', [], [2]);
  const rowNorms = g.node('ReduceSum', [g.node('Mul', [x, x]), axis('dim_axis', 1)], { keepdims: 1 }); // [n, 1]
  const centroidNorms = g.node('ReduceSum', [g.node('Mul', [c, c]), axis('centroid_dim_axis', 1)], {
    keepdims: 0,
  }); // [k]
  const cross = g.node('MatMul', [x, g.node('Transpose', [c], { perm: [1, 0] })]); // [n, k]
  const distances = g.node('Add', [g.node('Sub', [rowNorms, g.node('Mul', [two, cross])]), centroidNorms]);
  const assignment = g.node('ArgMin', [distances], { axis: 1, keepdims: 1, select_last_index: 0 }); // [n, 1]
  const clusterIds = g.constant(
    'cluster_ids',
    'int64',
    [params.k],
    Array.from({ length: params.k }, (_, i) => i),
  );
  const onehot = g.node('Cast', [g.node('Equal', [assignment, clusterIds])], { to: 1 }); // [n, k] float
  const counts = g.node('ReduceSum', [onehot, axis('point_axis', 0)], { keepdims: 0 }); // [k]
  const sums = g.node('MatMul', [g.node('Transpose', [onehot], { perm: [1, 0] }), x]); // [k, dim]
  const column = axis('column', 1);
  const countColumn = g.node('Unsqueeze', [counts, column]); // [k, 1]
  const one = g.constant('one', 'float32', [], [1]);
  const means = g.node('Div', [sums, g.node('Max', [countColumn, one])]);
  const zero = g.constant('zero', 'float32', [], [0]);
  const updated = g.node('Where', [g.node('Greater', [countColumn, zero]), means, c]);
  g.output(updated, 'float32', [params.k, params.dim]);
  return toKernelGraph(g, { points: inputs.points!, centroids: inputs.centroids! }, updated);
}

/** FLOPs: the distance MatMul and the update MatMul (2·n·k·dim each) plus ≈ 3·n·k for the distances. */
export function kmeansFlops(params: KmeansParams): number {
  const { n, k, dim } = params;
  return 4 * n * k * dim + 3 * n * k;
}

/** Read points and centroids once, write the new centroids (float32). */
export function kmeansBytes(params: KmeansParams): number {
  return 4 * (params.n * params.dim + 2 * params.k * params.dim);
}

/** The k-means step kernel. */
export const kmeansKernel = defineKernel<KmeansParams>({
  name: 'kmeans',
  description: 'One k-means step (Lloyd): assign points to the nearest centroid, move centroids to the means',
  params: KMEANS_PARAMS,
  examples: [
    'points=0,0;1,1;9,9;10,10 centroids=0,0;1,1',
    'points=0,0;1,1;9,9;10,10 k=2',
    'n=16384 dim=32 k=16',
  ],
  // Centroids are means of O(5)-sized coordinates; float32 sums of up to 65536 points err by ≈ 1e-5
  // relative. A point almost equidistant from two centroids may be assigned differently in float32
  // (the expansion ‖x‖² − 2x·c + ‖c‖² cancels digits), which moves two centroids by far more.
  tolerance: { float32: { atol: 1e-4, rtol: 1e-4 } },
  benchSizes: [
    { args: { n: '4096', dim: '16', k: '8' }, reference: true },
    { args: { n: '65536', dim: '32', k: '16' }, reference: true },
  ],
  parse: parseKmeansParams,
  makeInputs: makeKmeansInputs,
  flops: kmeansFlops,
  bytesMoved: kmeansBytes,
  boundBy: (params) =>
    kmeansFlops(params) / kmeansBytes(params) > RIDGE_FLOP_PER_BYTE ? 'compute' : 'memory',
  // Points plus four n × k float32 matrices (cross terms, distances, one-hot, its transpose).
  workBytes: (params) => 4 * (params.n * params.dim + 4 * params.n * params.k),
  implementations: [
    {
      id: 'composed',
      variant: 'composed',
      label: 'ReduceSum, MatMul, ArgMin, Equal, MatMul, Div, Where',
      build: buildComposed,
    },
  ],
  reference: (params, inputs) => ({
    dtype: 'float64',
    dims: [params.k, params.dim],
    data: kmeansStep(float32Input(inputs, 'points'), float32Input(inputs, 'centroids'), params).centroids,
  }),
  describe: describeKmeans,
});
