/**
 * `/kernel kmeans`: one k-means step (assign, then update) as a composed ONNX graph, checked against
 * a plain-TypeScript reference.
 *
 * @module
 */

import { defineKernel, type KernelGraph, type KernelInputs, toKernelGraph } from '../../kernel-definition.js';
import { attr, createGraphBuilder } from '../../onnx/graph-builder.js';
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
 * Composed graph. Distances by the expansion `‖x − c‖² = ‖x‖² − 2·x·cᵀ + ‖c‖²`, without the `‖x‖²`
 * term: it is the same for every centroid of a point, so it cannot change the nearest one (and
 * leaving it out spares a pass over the points and some cancellation). `‖c‖² − 2·x·cᵀ` is one `Gemm`
 * (α = −2, C = ‖c‖² broadcast over the points) instead of an n × k × dim difference tensor; then
 * `ArgMin` (first index on ties), a one-hot assignment matrix from `Equal` against `0 … k−1`,
 * per-cluster sums as `onehotᵀ · X` and counts as `1ᵀ · onehot` (MatMuls); empty clusters keep
 * their centroid (`Where`).
 */
function buildComposed(params: KmeansParams, inputs: KernelInputs): KernelGraph {
  const g = createGraphBuilder({ name: 'kmeans-composed' });
  const x = g.input('points', 'float32', ['n', params.dim]);
  const c = g.input('centroids', 'float32', [params.k, params.dim]);
  const axis = (name: string, value: number) => g.constant(name, 'int64', [1], [value]);
  const centroidNorms = g.node('ReduceSum', [g.node('Mul', [c, c]), axis('centroid_dim_axis', 1)], {
    keepdims: 0,
  }); // [k]
  const distances = g.node('Gemm', [x, c, centroidNorms], {
    alpha: attr.float(-2),
    beta: attr.float(1),
    transB: 1,
  }); // [n, k]: ‖c‖² − 2·x·c
  const assignment = g.node('ArgMin', [distances], { axis: 1, keepdims: 1, select_last_index: 0 }); // [n, 1]
  const clusterIds = g.constant(
    'cluster_ids',
    'int64',
    [params.k],
    Array.from({ length: params.k }, (_, i) => i),
  );
  const onehot = g.node('Cast', [g.node('Equal', [assignment, clusterIds])], { to: 1 }); // [n, k] float
  // Counts as 1ᵀ · onehot: a MatMul reads the [n, k] matrix faster than a ReduceSum over its rows.
  const ones = g.node('ConstantOfShape', [g.constant('ones_shape', 'int64', [2], [1, params.n])], {
    value: attr.tensor({ name: 'one_value', dtype: 'float32', dims: [1], data: Float32Array.of(1) }),
  });
  const countColumn = g.node('Transpose', [g.node('MatMul', [ones, onehot])], { perm: [1, 0] }); // [k, 1]
  // Sums as onehotᵀ · X over `splits` blocks of points, added up: the blocks run on separate
  // threads (one [k, n]·[n, dim] product has too small an output to be split across them).
  const splits = pointSplits(params.n);
  const blocks = (value: string, width: number) =>
    g.node('Reshape', [value, g.constant(`${value}_blocks`, 'int64', [3], [splits, -1, width])]);
  const blockSums = g.node('MatMul', [
    g.node('Transpose', [blocks(onehot, params.k)], { perm: [0, 2, 1] }),
    blocks(x, params.dim),
  ]); // [splits, k, dim]
  const sums = g.node('ReduceSum', [blockSums, axis('block_axis', 0)], { keepdims: 0 }); // [k, dim]
  const one = g.constant('one', 'float32', [], [1]);
  const means = g.node('Div', [sums, g.node('Max', [countColumn, one])]);
  const zero = g.constant('zero', 'float32', [], [0]);
  const updated = g.node('Where', [g.node('Greater', [countColumn, zero]), means, c]);
  g.output(updated, 'float32', [params.k, params.dim]);
  return toKernelGraph(g, { points: inputs.points!, centroids: inputs.centroids! }, updated);
}

/** Blocks of points summed separately: the largest of 8, 4, 2, 1 that divides `n`. */
function pointSplits(n: number): number {
  return [8, 4, 2].find((s) => n % s === 0) ?? 1;
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
  // Points plus n × k float32 matrices (distances, one-hot; four allowed for headroom).
  workBytes: (params) => 4 * (params.n * params.dim + 4 * params.n * params.k),
  implementations: [
    {
      id: 'composed',
      variant: 'composed',
      label: 'Gemm, ArgMin, Equal, MatMul (counts), batched MatMul + ReduceSum (sums), Div, Where',
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
