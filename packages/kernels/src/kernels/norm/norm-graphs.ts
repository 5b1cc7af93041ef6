/**
 * LayerNorm and RMSNorm as ONNX graphs: composed from primitive ops, and the fused operators
 * onnxruntime 1.30 runs on CPU (`LayerNormalization` opset 17, `RMSNormalization` opset 23,
 * `SimplifiedLayerNormalization` registered by onnxruntime in the default domain, and the contrib
 * `com.microsoft.SkipLayerNormalization` / `SkipSimplifiedLayerNormalization`).
 *
 * @module
 */

import { type KernelGraph, type KernelInputs, toKernelGraph } from '../../kernel-definition.js';
import { attr, createGraphBuilder, type GraphBuilder } from '../../onnx/graph-builder.js';
import type { NormParams } from './norm-params.js';

/** Which normalisation. */
export type NormKind = 'layer' | 'rms';

interface NormValues {
  g: GraphBuilder;
  x: string;
  gamma: string;
  beta: string;
}

function start(name: string, kind: NormKind, rank: 2 | 3): NormValues {
  const g = createGraphBuilder({ name });
  const shape = rank === 2 ? ['rows', 'hidden'] : [1, 'rows', 'hidden'];
  const x = g.input('x', 'float32', shape);
  const gamma = g.input('gamma', 'float32', ['hidden']);
  const beta = kind === 'layer' ? g.input('beta', 'float32', ['hidden']) : '';
  return { g, x, gamma, beta };
}

function feeds(kind: NormKind, inputs: KernelInputs, rank: 2 | 3): KernelInputs {
  const { x, gamma, beta } = inputs;
  if (!x || !gamma || !beta) throw new Error('norm: missing input x, gamma or beta');
  const x3 = rank === 3 ? { ...x, dims: [1, ...x.dims] } : x;
  return kind === 'layer' ? { x: x3, gamma, beta } : { x: x3, gamma };
}

/**
 * Composed: LayerNorm as ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div, Mul, Add; RMSNorm as Pow,
 * ReduceMean, Add, Sqrt, Div, Mul. ε is a constant; reduce ops take `axes` as an input (opset 18+).
 *
 * Note: at `graphOptimizationLevel: 'all'` onnxruntime recognises both patterns and rewrites them to
 * one `LayerNormalization` / `SimplifiedLayerNormalization` node (seen in the optimised model it
 * saves), so composed and fused then run the same kernel; with optimisation disabled they do not.
 */
export function buildComposedNorm(kind: NormKind, params: NormParams, inputs: KernelInputs): KernelGraph {
  const { g, x, gamma, beta } = start(`${kind}norm-composed`, kind, 2);
  const axes = g.constant('axes', 'int64', [1], [-1]);
  const two = g.constant('two', 'float32', [], [2]);
  const epsilon = g.constant('epsilon', 'float32', [], [params.epsilon]);
  const meanOf = (value: string) => g.node('ReduceMean', [value, axes], { keepdims: 1 });
  let y: string;
  if (kind === 'layer') {
    const centred = g.node('Sub', [x, meanOf(x)]);
    const variance = meanOf(g.node('Pow', [centred, two]));
    const std = g.node('Sqrt', [g.node('Add', [variance, epsilon])]);
    y = g.node('Add', [g.node('Mul', [g.node('Div', [centred, std]), gamma]), beta]);
  } else {
    const rms = g.node('Sqrt', [g.node('Add', [meanOf(g.node('Pow', [x, two])), epsilon])]);
    y = g.node('Mul', [g.node('Div', [x, rms]), gamma]);
  }
  g.output(y, 'float32', ['rows', 'hidden']);
  return toKernelGraph(g, feeds(kind, inputs, 2), y);
}

/** One fused ONNX operator over the last axis: `LayerNormalization` (17) or `RMSNormalization` (23). */
export function buildOnnxNorm(kind: NormKind, params: NormParams, inputs: KernelInputs): KernelGraph {
  const { g, x, gamma, beta } = start(`${kind}norm-onnx`, kind, 2);
  const epsilon = attr.float(params.epsilon);
  const y =
    kind === 'layer'
      ? g.node('LayerNormalization', [x, gamma, beta], { axis: -1, epsilon })
      : g.node('RMSNormalization', [x, gamma], { axis: -1, epsilon });
  g.output(y, 'float32', ['rows', 'hidden']);
  return toKernelGraph(g, feeds(kind, inputs, 2), y);
}

/**
 * onnxruntime's `SimplifiedLayerNormalization` (RMSNorm; an onnxruntime op registered in the default
 * domain, not in com.microsoft: onnxruntime.md).
 */
export function buildSimplifiedNorm(params: NormParams, inputs: KernelInputs): KernelGraph {
  const { g, x, gamma } = start('rmsnorm-simplified', 'rms', 2);
  const y = g.node('SimplifiedLayerNormalization', [x, gamma], {
    axis: -1,
    epsilon: attr.float(params.epsilon),
  });
  g.output(y, 'float32', ['rows', 'hidden']);
  return toKernelGraph(g, feeds('rms', inputs, 2), y);
}

/**
 * The contrib residual-add-then-normalise ops with a zero residual: `SkipLayerNormalization` or
 * `SkipSimplifiedLayerNormalization` compute `norm(x + skip)`; they want 3-D `[batch, seq, hidden]`
 * input, so `x` is fed as `[1, rows, hidden]` and the output squeezed back to `[rows, hidden]`.
 */
export function buildSkipNorm(kind: NormKind, params: NormParams, inputs: KernelInputs): KernelGraph {
  const { g, x, gamma, beta } = start(`${kind}norm-skip`, kind, 3);
  const skip = g.input('skip', 'float32', [1, 'rows', 'hidden']);
  const op = kind === 'layer' ? 'SkipLayerNormalization' : 'SkipSimplifiedLayerNormalization';
  const normInputs = kind === 'layer' ? [x, skip, gamma, beta] : [x, skip, gamma];
  const [y3] = g.nodeOutputs(
    op,
    normInputs,
    1,
    { epsilon: attr.float(params.epsilon) },
    { domain: 'com.microsoft' },
  );
  const y = g.node('Squeeze', [y3!, g.constant('batch_axis', 'int64', [1], [0])]);
  g.output(y, 'float32', ['rows', 'hidden']);
  const zeros = {
    dtype: 'float32' as const,
    dims: [1, params.rows, params.hidden],
    data: new Float32Array(params.rows * params.hidden),
  };
  return toKernelGraph(g, { ...feeds(kind, inputs, 3), skip: zeros }, y);
}
