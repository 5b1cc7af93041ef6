/**
 * `/kernel swiglu`: the SwiGLU MLP block (Shazeer 2020) as a composed graph and with the gate and up
 * projections packed into one MatMul, checked against a plain-TypeScript reference.
 *
 * @module
 */

import { defineKernel, type KernelGraph, type KernelInputs, toKernelGraph } from '../../kernel-definition.js';
import { createGraphBuilder, type GraphBuilder } from '../../onnx/graph-builder.js';
import { float32Input } from '../common/tensor-inputs.js';
import {
  describeSwiglu,
  makeSwigluInputs,
  parseSwigluParams,
  SWIGLU_PARAMS,
  type SwigluParams,
} from './swiglu-params.js';
import { swigluReference } from './swiglu-reference.js';

/**
 * FLOP per GFLOP/s ÷ byte per GB/s on these machines: MatMul runs at 60–140 GFLOP/s and memory at
 * about 10 GB/s (onnxruntime.md), so above ≈ 10 FLOP per byte the block is compute-bound.
 */
const RIDGE_FLOP_PER_BYTE = 10;

/** `SiLU(gate) ⊙ up`, then the down projection. */
function addGatedDown(g: GraphBuilder, gate: string, up: string, wDown: string): string {
  const silu = g.node('Mul', [gate, g.node('Sigmoid', [gate])]);
  return g.node('MatMul', [g.node('Mul', [silu, up]), wDown]);
}

function start(name: string, params: SwigluParams) {
  const g = createGraphBuilder({ name });
  const x = g.input('x', 'float32', ['tokens', params.hidden]);
  const wDown = g.input('w_down', 'float32', [params.ffn, params.hidden]);
  return { g, x, wDown };
}

/** Composed: three MatMuls, Sigmoid and two Muls. */
function buildComposed(params: SwigluParams, inputs: KernelInputs): KernelGraph {
  const { g, x, wDown } = start('swiglu-composed', params);
  const wGate = g.input('w_gate', 'float32', [params.hidden, params.ffn]);
  const wUp = g.input('w_up', 'float32', [params.hidden, params.ffn]);
  const y = addGatedDown(g, g.node('MatMul', [x, wGate]), g.node('MatMul', [x, wUp]), wDown);
  g.output(y, 'float32', ['tokens', params.hidden]);
  const { w_gate, w_up } = inputs;
  return toKernelGraph(g, { x: inputs.x!, w_gate: w_gate!, w_up: w_up!, w_down: inputs.w_down! }, y);
}

/**
 * Packed gate/up: one MatMul with `[W_gate | W_up]` (`hidden × 2·ffn`), then `Split` — how serving
 * engines store the pair (vLLM's `gate_up_proj`) so the input is read once. Packing is done on the host.
 */
function buildPacked(params: SwigluParams, inputs: KernelInputs): KernelGraph {
  const { g, x, wDown } = start('swiglu-packed', params);
  const wGateUp = g.input('w_gate_up', 'float32', [params.hidden, 2 * params.ffn]);
  const both = g.node('MatMul', [x, wGateUp]);
  const [gate, up] = g.nodeOutputs('Split', [both], 2, { axis: -1, num_outputs: 2 });
  const y = addGatedDown(g, gate!, up!, wDown);
  g.output(y, 'float32', ['tokens', params.hidden]);
  const gateW = float32Input(inputs, 'w_gate');
  const upW = float32Input(inputs, 'w_up');
  const packed = new Float32Array(params.hidden * 2 * params.ffn);
  for (let r = 0; r < params.hidden; r++) {
    packed.set(gateW.subarray(r * params.ffn, (r + 1) * params.ffn), r * 2 * params.ffn);
    packed.set(upW.subarray(r * params.ffn, (r + 1) * params.ffn), r * 2 * params.ffn + params.ffn);
  }
  const feeds: KernelInputs = {
    x: inputs.x!,
    w_gate_up: { dtype: 'float32', dims: [params.hidden, 2 * params.ffn], data: packed },
    w_down: inputs.w_down!,
  };
  return toKernelGraph(g, feeds, y);
}

/** Multiply-adds of the three projections (2 FLOPs each) plus sigmoid, SiLU product and gating per inner value. */
export function swigluFlops(params: SwigluParams): number {
  const { tokens, hidden, ffn } = params;
  return 3 * 2 * tokens * hidden * ffn + 3 * tokens * ffn;
}

/** Read x and the three weight matrices once, write y once (float32). */
export function swigluBytes(params: SwigluParams): number {
  const { tokens, hidden, ffn } = params;
  return 4 * (2 * tokens * hidden + 3 * hidden * ffn);
}

/** The SwiGLU MLP kernel. */
export const swigluKernel = defineKernel<SwigluParams>({
  name: 'swiglu',
  description: 'SwiGLU MLP block: down(SiLU(x·W_gate) ⊙ x·W_up) (Shazeer 2020; Llama, Mistral, Qwen)',
  params: SWIGLU_PARAMS,
  examples: ['x=1,-1,0.5,2 ffn=8', 'tokens=64 hidden=512 ffn=1536', 'tokens=512 hidden=1024 ffn=2816'],
  // Outputs are O(1); float32 dot products of length hidden and ffn (≤ 32768) err by ≈ √K · 6e-8.
  tolerance: { float32: { atol: 1e-4, rtol: 1e-4 } },
  benchSizes: [
    { args: { tokens: '1', hidden: '1024', ffn: '2816' }, reference: true },
    { args: { tokens: '64', hidden: '1024', ffn: '2816' }, reference: true },
    { args: { tokens: '512', hidden: '1024', ffn: '2816' }, reference: false },
  ],
  parse: parseSwigluParams,
  makeInputs: makeSwigluInputs,
  flops: swigluFlops,
  bytesMoved: swigluBytes,
  boundBy: (params) =>
    swigluFlops(params) / swigluBytes(params) > RIDGE_FLOP_PER_BYTE ? 'compute' : 'memory',
  // Weights (and their packed copy), x, gate, up, the product and y.
  workBytes: (params) =>
    4 * (5 * params.hidden * params.ffn + 4 * params.tokens * params.ffn + 2 * params.tokens * params.hidden),
  memoryNotes: (params) => [
    {
      label: 'weights',
      bytes: 12 * params.hidden * params.ffn,
      formula: `3·hidden·ffn·4 = 3·${params.hidden}·${params.ffn}·4`,
    },
  ],
  implementations: [
    {
      id: 'composed',
      variant: 'composed',
      label: 'MatMul ×2, Sigmoid, Mul, Mul, MatMul',
      build: buildComposed,
    },
    {
      id: 'packed',
      variant: 'fused',
      label: 'one MatMul on packed [W_gate | W_up], Split, …',
      build: buildPacked,
    },
  ],
  reference: (params, inputs) => ({
    dtype: 'float64',
    dims: [params.tokens, params.hidden],
    data: swigluReference(
      float32Input(inputs, 'x'),
      float32Input(inputs, 'w_gate'),
      float32Input(inputs, 'w_up'),
      float32Input(inputs, 'w_down'),
      params,
    ),
  }),
  describe: describeSwiglu,
});
