/**
 * Softmax with temperature as ONNX graphs: composed from primitive ops, and `Softmax` after a `Div`.
 * The temperature is fed as a `[1]` input, so one graph serves every temperature.
 *
 * @module
 */

import type { KernelGraph, KernelInputs, KernelUnavailable } from '../../kernel-definition.js';
import { toKernelGraph } from '../../kernel-definition.js';
import { createGraphBuilder, type GraphBuilder } from '../../onnx/graph-builder.js';
import { scalarInput } from '../common/tensor-inputs.js';
import { type LogitsParams, MIN_GRAPH_TEMPERATURE } from './logits-params.js';

/**
 * `exp((z − max z)/T) / Σ exp((z − max z)/T)` along the last axis of `z`, in primitive ops
 * (ReduceMax, Sub, Div, Exp, ReduceSum, Div). Subtracting the maximum before dividing keeps every
 * exponent ≤ 0 and keeps the rounding error of `z/T` (≈ |z|/T · 2⁻²⁴) out of the result.
 * Reduce ops take `axes` as an input from opset 18 on.
 */
export function addComposedSoftmax(g: GraphBuilder, logits: string, temperature: string): string {
  const lastAxis = g.constant(`${logits}_axes`, 'int64', [1], [-1]);
  const max = g.node('ReduceMax', [logits, lastAxis], { keepdims: 1 });
  const scaled = g.node('Div', [g.node('Sub', [logits, max]), temperature]);
  const exps = g.node('Exp', [scaled]);
  const sum = g.node('ReduceSum', [exps, lastAxis], { keepdims: 1 });
  return g.node('Div', [exps, sum]);
}

/** Why the graphs cannot run at this temperature, or `null` when they can. */
export function temperatureUnavailable(params: LogitsParams, minimum: number): KernelUnavailable | null {
  if (params.temperature === 0) {
    return {
      unavailable: 'temperature 0 is the greedy (argmax) limit; a graph dividing by T would give 0/0.',
    };
  }
  if (params.temperature < minimum) {
    return {
      unavailable: `below T = ${minimum} the float32 division z/T can exceed float32 range; the reference still runs.`,
    };
  }
  return null;
}

/** Composed graph: `logits [rows, vocab]`, `temperature [1]` → `probs [rows, vocab]`. */
export function buildComposedSoftmax(
  params: LogitsParams,
  inputs: KernelInputs,
): KernelGraph | KernelUnavailable {
  const unavailable = temperatureUnavailable(params, Number.MIN_VALUE);
  if (unavailable) return unavailable;
  const g = createGraphBuilder({ name: 'softmax-composed' });
  const logits = g.input('logits', 'float32', ['rows', 'vocab']);
  const temperature = g.input('temperature', 'float32', [1]);
  const probs = addComposedSoftmax(g, logits, temperature);
  g.output(probs, 'float32', ['rows', 'vocab']);
  return toKernelGraph(g, feeds(params, inputs), probs);
}

/**
 * Fused graph: `Softmax(logits / T, axis = −1)` (opset 13+: the axis is the one normalised; below 13
 * Softmax flattened everything after `axis`). Dividing first makes `z/T` round before the max is
 * subtracted: for large |z|/T and near-tied logits this loses digits the composed graph keeps.
 */
export function buildFusedSoftmax(
  params: LogitsParams,
  inputs: KernelInputs,
): KernelGraph | KernelUnavailable {
  const unavailable = temperatureUnavailable(params, MIN_GRAPH_TEMPERATURE);
  if (unavailable) return unavailable;
  const g = createGraphBuilder({ name: 'softmax-fused' });
  const logits = g.input('logits', 'float32', ['rows', 'vocab']);
  const temperature = g.input('temperature', 'float32', [1]);
  const probs = g.node('Softmax', [g.node('Div', [logits, temperature])], { axis: -1 });
  g.output(probs, 'float32', ['rows', 'vocab']);
  return toKernelGraph(g, feeds(params, inputs), probs);
}

function feeds(params: LogitsParams, inputs: KernelInputs): KernelInputs {
  const logits = inputs.logits;
  if (!logits) throw new Error('softmax: missing input logits');
  return { logits, temperature: scalarInput(params.temperature) };
}
