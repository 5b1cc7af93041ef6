import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { isUnavailable, type KernelDefinition, type KernelInputs } from '../../kernel-definition.js';
import { createGraphBuilder } from '../../onnx/graph-builder.js';
import { createRandom } from '../../random.js';
import { addComposedSoftmax } from '../softmax/softmax-graphs.js';
import { runGraph } from '../testing/run-graph.js';
import { addFastSample } from './fast-sample-graph.js';
import { addRowMass } from './mass-threshold.js';
import { addAnyRow, addFastNucleus } from './nucleus-graphs.js';
import { sampleKernel } from './sample-kernel.js';
import type { SamplingParams } from './sampling-params.js';
import { decisionMargin, filterRow } from './sampling-reference.js';
import { toppKernel } from './topp-kernel.js';

/** One case: logits `[rows, vocab]` made by `logit(row, i)`, settings, and one draw per row. */
interface Case {
  rows: number;
  vocab: number;
  logit: (row: number, i: number) => number;
  p: number;
  k?: number;
  temperature?: number;
  u?: number[];
}

/** Halfway between the two values of ascending `steps` around `x`: clear of both by half a step. */
function between(steps: number[], x: number): number {
  const j = steps.findIndex((step) => step >= x);
  if (j <= 0) return x;
  return (steps[j - 1]! + steps[j]!) / 2;
}

/**
 * The case's inputs. `p` and each draw `u` are moved halfway between the reference's neighbouring
 * prefix masses (float64), so that float32 rounding cannot flip a decision and the comparison can be
 * exact.
 */
function inputsOf(c: Case): { params: SamplingParams; inputs: KernelInputs } {
  const logits = new Float32Array(c.rows * c.vocab);
  for (let r = 0; r < c.rows; r++) for (let i = 0; i < c.vocab; i++) logits[r * c.vocab + i] = c.logit(r, i);
  const params: SamplingParams = {
    rows: c.rows,
    vocab: c.vocab,
    temperature: c.temperature ?? 1,
    values: null,
    k: c.k ?? 0,
    p: c.p,
    u: null,
  };
  const rowOf = (r: number) => filterRow(logits.subarray(r * c.vocab, (r + 1) * c.vocab), params);
  const cumulative = (values: Float64Array) => {
    let sum = 0;
    return [...values].map((v) => (sum += v));
  };
  if (c.p < 1) params.p = between([0, ...cumulative(rowOf(0).beforeTopP)], c.p);
  const u = Float32Array.from({ length: c.rows }, (_, r) =>
    between([0, ...cumulative(rowOf(r).keptProbs)], c.u?.[r] ?? 0.5),
  );
  return {
    params,
    inputs: {
      logits: { dtype: 'float32', dims: [c.rows, c.vocab], data: logits },
      u: { dtype: 'float32', dims: [c.rows, 1], data: u },
    },
  };
}

/** Whether the sort-free path hands this batch to the full sort (`sample` adds the draw's search). */
async function usesFullSort(c: Case, kernel: 'topp' | 'sample'): Promise<boolean> {
  const { params, inputs } = inputsOf(c);
  const g = createGraphBuilder({ name: 'probe' });
  const z = g.input('logits', 'float32', ['rows', 'vocab']);
  const temperature = g.constant('temperature', 'float32', [1], [params.temperature]);
  const p = g.constant('p', 'float32', [1], [params.p]);
  const u = g.input('u', 'float32', ['rows', 1]);
  const row = addRowMass(g, z, addComposedSoftmax(g, z, temperature), 'probe');
  const invalid =
    kernel === 'topp'
      ? addFastNucleus(g, row, p, params.vocab, 'probe_nucleus').invalid
      : addFastSample(g, row, { p, u, topP: params.p < 1, vocab: params.vocab }).invalid;
  const any = addAnyRow(g, invalid);
  g.output(any, 'bool', []);
  const session = await ort.InferenceSession.create(g.build());
  const feeds = {
    logits: new ort.Tensor('float32', inputs.logits!.data as Float32Array, [params.rows, params.vocab]),
    u: new ort.Tensor('float32', inputs.u!.data as Float32Array, [params.rows, 1]),
  };
  const out = await session.run(feeds, [any]);
  await session.release();
  return Boolean((out[any]!.data as Uint8Array)[0]);
}

/** Runs the kernel's composed graph and returns its values and the reference's. */
async function compare(kernel: KernelDefinition<SamplingParams>, c: Case) {
  const { params, inputs } = inputsOf(c);
  const graph = kernel.implementations[0]!.build(params, inputs);
  if (isUnavailable(graph)) throw new Error(graph.unavailable);
  const actual = [...(await runGraph(graph)).data].map(Number);
  const expected = [...kernel.reference(params, inputs).data].map(Number);
  // Every decision of the reference is clear of float32 rounding (see inputsOf).
  const logits = inputs.logits!.data as Float32Array;
  for (let r = 0; r < c.rows; r++) {
    const row = filterRow(logits.subarray(r * c.vocab, (r + 1) * c.vocab), params);
    const u = kernel === sampleKernel ? (inputs.u!.data as Float32Array)[r] : undefined;
    expect(decisionMargin(row, params, u)).toBeGreaterThan(1e-6);
  }
  return { actual, expected };
}

const random = createRandom(11);
const normal = Array.from({ length: 2 * 32000 }, () => random.normal());
const cases: Record<string, Case> = {
  // Bench-like rows: N(0, 2²) logits; the nucleus of p = 0.9 holds about a quarter of the vocabulary.
  'N(0, 2²), vocab 32000': {
    rows: 1,
    vocab: 32000,
    logit: (r, i) => 2 * normal[r * 32000 + i]!,
    p: 0.9,
    u: [0.3, 0.8],
  },
  // Nearly flat: the nucleus is about 90 % of the vocabulary.
  'nearly flat, vocab 2000': {
    rows: 2,
    vocab: 2000,
    logit: (r, i) => 0.01 * normal[r * 2000 + i]!,
    p: 0.9,
    u: [0.05, 0.97],
  },
  // Only three distinct logits: ties at the nucleus boundary, broken by lower index first.
  'three tied levels, vocab 1500': { rows: 1, vocab: 1500, logit: (_, i) => (i * 7) % 3, p: 0.7, u: [0.61] },
  // Every logit equal: one tie of 1000 tokens; prefix masses are j/1000, p and u kept clear of them.
  'all equal, vocab 1000': { rows: 1, vocab: 1000, logit: () => 3, p: 0.9005, u: [0.3345] },
  // Huge logits with small gaps; a sharp temperature.
  'huge logits, T = 0.5': {
    rows: 1,
    vocab: 600,
    logit: (_, i) => 1e6 - ((i * 37) % 600) * 0.25,
    p: 0.8,
    temperature: 0.5,
    u: [0.9],
  },
};

describe('top-p and sampling without a full sort agree exactly with the reference', () => {
  it.each(Object.keys(cases))('topp: %s', async (name) => {
    const { actual, expected } = await compare(toppKernel, cases[name]!);
    expect(
      actual.map((v, i) => Math.abs(v - expected[i]!) <= 1e-5 + 1e-4 * Math.abs(expected[i]!)),
    ).not.toContain(false);
    // The same tokens are kept (non-zero), not just close values.
    expect(actual.map((v) => v > 0)).toEqual(expected.map((v) => v > 0));
  });

  it.each(Object.keys(cases))('sample: %s', async (name) => {
    const { actual, expected } = await compare(sampleKernel, cases[name]!);
    expect(actual).toEqual(expected);
  });

  it.each([
    ['p = 1 (top-p off)', { ...cases['N(0, 2²), vocab 32000']!, p: 1 }],
    ['k = 1 (greedy)', { ...cases['N(0, 2²), vocab 32000']!, k: 1 }],
    ['temperature 0.01', { ...cases['nearly flat, vocab 2000']!, temperature: 0.01 }],
  ])('sample: %s', async (_, c) => {
    const { actual, expected } = await compare(sampleKernel, c);
    expect(actual).toEqual(expected);
  });
});

describe('which path runs', () => {
  it.each([
    ['N(0, 2²), vocab 32000', 'topp', false],
    ['N(0, 2²), vocab 32000', 'sample', false],
    ['nearly flat, vocab 2000', 'topp', false],
    ['nearly flat, vocab 2000', 'sample', false],
    // 1000 tied tokens cannot be split by a logit threshold: more than the 128 candidates remain.
    ['all equal, vocab 1000', 'topp', true],
    ['all equal, vocab 1000', 'sample', true],
  ] as const)('%s, %s: full sort %s', async (name, kernel, fullSort) => {
    expect(await usesFullSort(cases[name]!, kernel)).toBe(fullSort);
  });
});
