/**
 * RoPE as ONNX graphs: composed from primitive ops (angles in float64, then Cos/Sin, Slice or Gather,
 * Mul, Sub/Add, Concat), opset-23 `RotaryEmbedding`, and the contrib `com.microsoft.RotaryEmbedding`
 * (same math, inputs ordered `input, position_ids, cos_cache, sin_cache`). All use the 4-D layout
 * `[batch, heads, seq, head_dim]`.
 *
 * @module
 */

import { type KernelGraph, type KernelInputs, toKernelGraph } from '../../kernel-definition.js';
import { createGraphBuilder, type GraphBuilder } from '../../onnx/graph-builder.js';
import { type RopeParams, ropeTables } from './rope-params.js';

const X_SHAPE = [1, 'heads', 'seq', 'head_dim'];

function xInput(inputs: KernelInputs) {
  const x = inputs.x;
  if (!x) throw new Error('rope: missing input x');
  return x;
}

/**
 * `cos`, `sin` `[seq, d/2]` float32 from `positions [seq]` (int64): `θ_i = base^(−2i/d)` and the
 * angles `position·θ_i` are computed in float64 and only the cos/sin values rounded to float32 — a
 * float32 angle at position 10^5 would be off by ≈ 0.004 rad before any rotation happens.
 */
function addTables(g: GraphBuilder, params: RopeParams, positions: string): { cos: string; sin: string } {
  const half = params.headDim / 2;
  const scalar = (name: string, value: number) => g.constant(name, 'float64', [], [value]);
  const pairIndex = g.node('Range', [scalar('zero', 0), scalar('half', half), scalar('one', 1)]); // 0 … d/2−1
  const exponent = g.node('Mul', [pairIndex, scalar('minus_two_over_d', -2 / params.headDim)]);
  const theta = g.node('Pow', [scalar('base', params.base), exponent]);
  const column = g.constant('column_axis', 'int64', [1], [1]);
  const position = g.node('Unsqueeze', [g.node('Cast', [positions], { to: 11 }), column]); // 11 = DOUBLE
  const angle = g.node('Mul', [position, theta]); // [seq, d/2]
  const toFloat = (value: string) => g.node('Cast', [value], { to: 1 }); // 1 = FLOAT
  return { cos: toFloat(g.node('Cos', [angle])), sin: toFloat(g.node('Sin', [angle])) };
}

/** `[a·cos − b·sin, a·sin + b·cos]` for the two halves `a`, `b` of every pair. */
function rotate(g: GraphBuilder, a: string, b: string, cos: string, sin: string): [string, string] {
  const first = g.node('Sub', [g.node('Mul', [a, cos]), g.node('Mul', [b, sin])]);
  const second = g.node('Add', [g.node('Mul', [a, sin]), g.node('Mul', [b, cos])]);
  return [first, second];
}

/** Composed graph: the rotation written out with `Slice` (half) or `Reshape` + `Gather` (interleaved). */
export function buildComposedRope(params: RopeParams, inputs: KernelInputs): KernelGraph {
  const g = createGraphBuilder({ name: `rope-composed-${params.style}` });
  const x = g.input('x', 'float32', X_SHAPE);
  const positions = g.input('positions', 'int64', ['seq']);
  const { cos, sin } = addTables(g, params, positions);
  const half = params.headDim / 2;
  const int64 = (name: string, values: number[]) => g.constant(name, 'int64', [values.length], values);
  let y: string;
  if (params.style === 'half') {
    // pair i = (x[i], x[i + d/2]): the two halves of the last axis
    const lastAxis = int64('last_axis', [-1]);
    const a = g.node('Slice', [x, int64('a_start', [0]), int64('a_end', [half]), lastAxis]);
    const b = g.node('Slice', [x, int64('b_start', [half]), int64('b_end', [params.headDim]), lastAxis]);
    y = g.node('Concat', rotate(g, a, b, cos, sin), { axis: -1 });
  } else {
    // pair i = (x[2i], x[2i+1]): view the last axis as [d/2, 2] and take column 0 and column 1
    const pairs = g.node('Reshape', [x, int64('pairs_shape', [0, 0, 0, half, 2])]);
    const a = g.node('Gather', [pairs, g.constant('even', 'int64', [], [0])], { axis: -1 });
    const b = g.node('Gather', [pairs, g.constant('odd', 'int64', [], [1])], { axis: -1 });
    const [first, second] = rotate(g, a, b, cos, sin);
    const lastAxis = int64('unsqueeze_axis', [-1]);
    const stacked = g.node(
      'Concat',
      [g.node('Unsqueeze', [first, lastAxis]), g.node('Unsqueeze', [second, lastAxis])],
      {
        axis: -1,
      },
    );
    y = g.node('Reshape', [stacked, int64('x_shape', [0, 0, 0, params.headDim])]);
  }
  g.output(y, 'float32', X_SHAPE);
  const positionData = BigInt64Array.from({ length: params.seq }, (_, t) => BigInt(params.start + t));
  return toKernelGraph(
    g,
    { x: xInput(inputs), positions: { dtype: 'int64', dims: [params.seq], data: positionData } },
    y,
  );
}

/**
 * Opset-23 `RotaryEmbedding` without `position_ids`: then the caches are `[batch, seq, d/2]`, one row
 * per token, computed in float64 on the host for exactly the positions used.
 */
export function buildOnnxRope(params: RopeParams, inputs: KernelInputs): KernelGraph {
  const g = createGraphBuilder({ name: `rope-23-${params.style}` });
  const x = g.input('x', 'float32', X_SHAPE);
  const cosCache = g.input('cos_cache', 'float32', [1, 'seq', params.headDim / 2]);
  const sinCache = g.input('sin_cache', 'float32', [1, 'seq', params.headDim / 2]);
  const y = g.node('RotaryEmbedding', [x, cosCache, sinCache], {
    interleaved: params.style === 'interleaved' ? 1 : 0,
  });
  g.output(y, 'float32', X_SHAPE);
  const { cos, sin } = ropeTables(params);
  const dims = [1, params.seq, params.headDim / 2];
  return toKernelGraph(
    g,
    {
      x: xInput(inputs),
      cos_cache: { dtype: 'float32', dims, data: cos },
      sin_cache: { dtype: 'float32', dims, data: sin },
    },
    y,
  );
}

/**
 * `com.microsoft.RotaryEmbedding`: `position_ids` of shape `[1]` is an offset into caches of shape
 * `[max_positions, d/2]`. The caches fed start at `position`, so the offset is 0 and no table for
 * positions 0 … position−1 is built.
 */
export function buildContribRope(params: RopeParams, inputs: KernelInputs): KernelGraph {
  const g = createGraphBuilder({ name: `rope-contrib-${params.style}` });
  const x = g.input('x', 'float32', X_SHAPE);
  const offset = g.input('position_offset', 'int64', [1]);
  const cosCache = g.input('cos_cache', 'float32', ['seq', params.headDim / 2]);
  const sinCache = g.input('sin_cache', 'float32', ['seq', params.headDim / 2]);
  const y = g.node(
    'RotaryEmbedding',
    [x, offset, cosCache, sinCache],
    { interleaved: params.style === 'interleaved' ? 1 : 0 },
    { domain: 'com.microsoft' },
  );
  g.output(y, 'float32', X_SHAPE);
  const { cos, sin } = ropeTables(params);
  const dims = [params.seq, params.headDim / 2];
  return toKernelGraph(
    g,
    {
      x: xInput(inputs),
      position_offset: { dtype: 'int64', dims: [1], data: BigInt64Array.of(0n) },
      cos_cache: { dtype: 'float32', dims, data: cos },
      sin_cache: { dtype: 'float32', dims, data: sin },
    },
    y,
  );
}
