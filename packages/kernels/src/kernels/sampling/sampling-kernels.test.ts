import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random.js';
import { checkKernel } from '../testing/run-graph.js';
import { sampleKernel } from './sample-kernel.js';
import { decisionMargin, filterRow } from './sampling-reference.js';
import { topkKernel } from './topk-kernel.js';
import { toppKernel } from './topp-kernel.js';

const round4 = (values: Float64Array) => [...values].map((v) => Number(v.toFixed(4)));

describe('topk, topp and sample kernels: worked examples', () => {
  it.each([
    // softmax([2, 1]) = [σ(1), 1 − σ(1)] = [0.7311, 0.2689]
    [topkKernel, { logits: '2,1,0.5,0.1', k: '2' }, [0.7311, 0.2689, 0, 0]],
    // tie at the k-th logit: lower index wins, exactly k kept
    [topkKernel, { logits: '1,3,3,0', k: '1' }, [0, 1, 0, 0]],
    // k above the vocabulary keeps everything: softmax([2, 1, 0.5, 0.1])
    [topkKernel, { logits: '2,1,0.5,0.1', k: '50' }, [0.5745, 0.2114, 0.1282, 0.0859]],
    // prefix masses 0, 0.5745, 0.7859 < 0.8 ≤ 0.9141 → keep three, divide by 0.9141
    [toppKernel, { logits: '2,1,0.5,0.1', p: '0.8' }, [0.6285, 0.2312, 0.1402, 0]],
    [toppKernel, { logits: '2,1,0.5,0.1', p: '1' }, [0.5745, 0.2114, 0.1282, 0.0859]],
    [toppKernel, { logits: '2,1,0.5,0.1', p: '0.000001' }, [1, 0, 0, 0]],
    // very large logits: softmax([1000, 1001, 990]) = [0.2689, 0.7311, 1.2e-5]; the third needs mass ≥ 0.9 before it
    [toppKernel, { logits: '1000,1001,990', p: '0.9' }, [0.2689, 0.7311, 0]],
    [topkKernel, { logits: '1000000,-1000000,999999', k: '2' }, [0.7311, 0, 0.2689]],
  ] as const)('%# %s', async (kernel, args, expected) => {
    const { checks } = await checkKernel(kernel, { temperature: '1', ...args }, 1);
    expect(checks).toHaveLength(1);
    expect(checks[0]!.withinTolerance).toBe(true);
    expect(round4(checks[0]!.values)).toEqual(expected);
  });

  it.each([
    // cumulative after top-p 0.8: 0.6285, 0.8598, 1
    ['0.6', 0],
    ['0.7', 1],
    ['0.9', 2],
    ['0.999999', 2],
  ])('sample logits=2,1,0.5,0.1 p=0.8 u=%s picks token %d', async (u, token) => {
    const args = { logits: '2,1,0.5,0.1', temperature: '1', k: '0', p: '0.8', u };
    const { checks, reference } = await checkKernel(sampleKernel, args, 1);
    expect([...reference.data]).toEqual([BigInt(token)]);
    expect([...checks[0]!.values]).toEqual([token]);
  });

  it('k = 1 is greedy whatever u is', async () => {
    const args = { logits: '0.5,2,1,0.1', temperature: '1', k: '1', p: '1', u: '0.999' };
    const { checks } = await checkKernel(sampleKernel, args, 1);
    expect([...checks[0]!.values]).toEqual([1]);
  });
});

/** Smallest decision margin over the rows of seeded logits (see decisionMargin). */
function margin(args: Record<string, string>, seed: number, withU: boolean): number {
  const kernel = withU ? sampleKernel : toppKernel;
  const params = kernel.parse(args);
  const inputs = kernel.makeInputs(params, createRandom(seed));
  const logits = inputs.logits!.data as Float32Array;
  let smallest = Number.POSITIVE_INFINITY;
  for (let r = 0; r < params.rows; r++) {
    const row = filterRow(logits.subarray(r * params.vocab, (r + 1) * params.vocab), params);
    const u = withU ? (inputs.u!.data as Float32Array)[r] : undefined;
    smallest = Math.min(smallest, decisionMargin(row, params, u));
  }
  return smallest;
}

describe('topk, topp and sample kernels agree with the reference (property)', () => {
  const shape = {
    rows: fc.integer({ min: 1, max: 4 }),
    vocab: fc.integer({ min: 1, max: 2000 }),
    temperature: fc.constantFrom('1', '0.7', '2', '0.01'),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
  };
  const options = { seed: 1234, numRuns: 25 };

  it('topk, incl. k = 1 and k ≥ vocab', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ ...shape, k: fc.constantFrom('1', '2', '50', '5000') }), async (c) => {
        const { seed, ...args } = c;
        const { checks } = await checkKernel(topkKernel, stringify(args), seed);
        expect(checks[0]!.withinTolerance, `max error ${checks[0]!.maxAbsErr}`).toBe(true);
      }),
      options,
    );
  });

  // Cases whose top-p boundary or draw lies within 1e-5 of a decision are skipped: there float32 and
  // float64 may honestly decide differently.
  it('topp, incl. p = 1 and a tiny p', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ ...shape, p: fc.constantFrom('1', '0.9', '0.5', '1e-6') }), async (c) => {
        const { seed, ...rest } = c;
        const args = stringify(rest);
        fc.pre(margin(args, seed, false) > 1e-5);
        const { checks } = await checkKernel(toppKernel, args, seed);
        expect(checks[0]!.withinTolerance, `max error ${checks[0]!.maxAbsErr}`).toBe(true);
      }),
      options,
    );
  });

  it('sample, incl. k = 1, p = 1 and a tiny p', async () => {
    const settings = { k: fc.constantFrom('0', '1', '40'), p: fc.constantFrom('1', '0.9', '1e-6') };
    await fc.assert(
      fc.asyncProperty(fc.record({ ...shape, ...settings }), async (c) => {
        const { seed, ...rest } = c;
        const args = stringify(rest);
        fc.pre(margin(args, seed, true) > 1e-5);
        const { checks, reference } = await checkKernel(sampleKernel, args, seed);
        expect([...checks[0]!.values]).toEqual([...reference.data].map(Number));
      }),
      options,
    );
  });
});

function stringify(args: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(args).map(([key, value]) => [key, String(value)]));
}
