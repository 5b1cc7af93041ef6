import fc from 'fast-check';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { compareValues, toNumbers } from '../../host-tensor.js';
import { isUnavailable, type KernelInputs } from '../../kernel-definition.js';
import { attr, createGraphBuilder } from '../../onnx/graph-builder.js';
import { createRandom } from '../../random.js';
import { executeKernel } from '../../runner/execute-kernel.js';
import { createSessionCache } from '../../runner/session-cache.js';
import { attentionKernel } from './attention-kernel.js';
import { type AttentionParams, parseAttentionParams } from './attention-params.js';
import { attentionReference } from './attention-reference.js';

const sessions = createSessionCache(1);
afterAll(() => sessions.clear());

/** Runs every implementation in this process and returns them by id. */
async function runAll(args: Record<string, string>, seed = 1) {
  const result = await executeKernel(
    { kernel: 'attention', args, seed, repeats: 1 },
    { sessions, threads: 1, maxReferenceFlops: Number.POSITIVE_INFINITY },
  );
  return Object.fromEntries(result.implementations.map((impl) => [impl.id, impl]));
}

const args = (p: AttentionParams) => ({
  batch: String(p.batch),
  seq: String(p.seq),
  past: String(p.past),
  heads: String(p.heads),
  kv_heads: String(p.kvHeads),
  head_dim: String(p.headDim),
  causal: String(p.causal),
  dtype: p.dtype,
});

/** Random valid params: kv_heads divides heads; small enough for the float64 reference. */
const paramsArbitrary = fc
  .record({
    batch: fc.integer({ min: 1, max: 2 }),
    seq: fc.integer({ min: 1, max: 12 }),
    past: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 16 })),
    heads: fc.constantFrom(1, 2, 4, 6, 8),
    kvPick: fc.nat(),
    headDim: fc.constantFrom(1, 3, 8, 16, 24, 64),
    causal: fc.boolean(),
  })
  .map(({ kvPick, ...rest }): AttentionParams => {
    const divisors = [1, 2, 3, 4, 6, 8].filter((d) => rest.heads % d === 0);
    return { ...rest, kvHeads: divisors[kvPick % divisors.length]!, dtype: 'float32' };
  });

describe('attention: every implementation agrees with the float64 reference (float32: atol 2e-5, rtol 1e-4)', () => {
  it('on random shapes, with and without cache, MHA/GQA/MQA, causal or not (fast-check, seed 20260101)', async () => {
    await fc.assert(
      fc.asyncProperty(paramsArbitrary, fc.integer({ min: 1, max: 1000 }), async (params, seed) => {
        const byId = await runAll(args(params), seed);
        for (const impl of Object.values(byId)) {
          if (impl.status !== 'ok') continue;
          expect(impl.withinTolerance, `${impl.id} ${JSON.stringify(params)} err ${impl.maxAbsErr}`).toBe(
            true,
          );
        }
        expect(byId.composed!.status).toBe('ok');
        expect(byId['attention-23']!.status).toBe('ok');
      }),
      { seed: 20260101, numRuns: 60 },
    );
  });

  it('in float16 too (atol = rtol = 4e-3; fast-check, seed 20260102)', async () => {
    const headDims = fc.constantFrom(8, 16, 64); // multiples of 8: every implementation may run
    await fc.assert(
      fc.asyncProperty(paramsArbitrary, headDims, async (params, headDim) => {
        const byId = await runAll(args({ ...params, headDim, dtype: 'float16' }));
        for (const impl of Object.values(byId)) {
          if (impl.status === 'unavailable') expect(impl.note).not.toMatch(/^onnxruntime:/);
          if (impl.status !== 'ok') continue;
          expect(impl.withinTolerance, `${impl.id} ${JSON.stringify(params)} err ${impl.maxAbsErr}`).toBe(
            true,
          );
        }
      }),
      { seed: 20260102, numRuns: 20 },
    );
  });

  it.each([
    [
      'prompt of one token',
      { seq: '1', heads: '4', head_dim: '8' },
      ['composed', 'attention-23', 'gqa', 'mha'],
    ],
    [
      'MHA decode step',
      { seq: '1', past: '37', heads: '4', head_dim: '16' },
      ['composed', 'attention-23', 'gqa', 'mha'],
    ],
    [
      'GQA decode step',
      { seq: '1', past: '37', heads: '8', kv_heads: '2', head_dim: '16' },
      ['composed', 'attention-23', 'gqa'],
    ],
    [
      'MQA decode step',
      { seq: '1', past: '37', heads: '8', kv_heads: '1', head_dim: '16' },
      ['composed', 'attention-23', 'gqa'],
    ],
    [
      'float16 decode step',
      { seq: '1', past: '37', heads: '4', head_dim: '16', dtype: 'float16' },
      ['composed', 'attention-23', 'gqa', 'mha'],
    ],
    [
      'unmasked prompt',
      { seq: '9', heads: '4', head_dim: '8', causal: 'false' },
      ['composed', 'attention-23', 'mha'],
    ],
  ])('%s: %j runs on %j', async (_label, given, expectedOk) => {
    const byId = await runAll(given);
    const ok = Object.values(byId).filter((impl) => impl.status === 'ok' && impl.variant !== 'reference');
    expect(ok.map((impl) => impl.id)).toEqual(expectedOk);
    for (const impl of ok) expect(impl.withinTolerance).toBe(true);
  });

  it('stays finite and right with very large logits (scores ≈ ±10⁴: softmax must subtract the row max)', async () => {
    const params = parseAttentionParams({
      batch: '1',
      seq: '6',
      past: '3',
      heads: '4',
      kv_heads: '2',
      head_dim: '16',
      causal: 'true',
    });
    const inputs = attentionKernel.makeInputs(params, createRandom(5));
    const q = inputs.q!.data as Float32Array;
    for (let i = 0; i < q.length; i++) q[i]! *= 2000;
    const expected = toNumbers(attentionReference(params, inputs));
    expect(expected.every(Number.isFinite)).toBe(true);
    for (const implementation of attentionKernel.implementations) {
      const graph = implementation.build(params, inputs);
      if (isUnavailable(graph)) continue;
      const actual = await runGraph(graph.model, graph.feeds, graph.output);
      // A float32 score error of 1e-7 relative is ~1e-3 absolute at 10⁴, so weights agree to ~1e-3.
      expect(compareValues(actual, expected, { atol: 1e-2, rtol: 1e-2 }), implementation.id).toMatchObject({
        withinTolerance: true,
      });
    }
  });
});

describe('attention reference', () => {
  it('aligns the causal mask bottom-right and averages equal scores (hand-computed)', () => {
    // D = 1, one head. Query 0 sees key 0 only → v0 = 10. Query 1 has q = 0: equal scores over
    // keys 0, 1 → (10 + 20) / 2 = 15.
    const params = parseAttentionParams({
      batch: '1',
      seq: '2',
      past: '0',
      heads: '1',
      head_dim: '1',
      causal: 'true',
    });
    const t = (values: number[]) => ({
      dtype: 'float32' as const,
      dims: [1, 1, 2, 1],
      data: Float32Array.from(values),
    });
    const out = attentionReference(params, { q: t([1, 0]), k: t([3, -1]), v: t([10, 20]) });
    expect([...(out.data as Float64Array)]).toEqual([10, 15]);
  });
});

describe('fully masked rows (documented behaviour; causal masks never produce one, padding masks can)', () => {
  // Row 0 of a 3×3 additive mask is entirely masked with the given value; v holds 0…11 as [3, 4],
  // so the mean of the value rows is [4, 5, 6, 7].
  it.each([
    ['composed, −∞', 'composed', Number.NEGATIVE_INFINITY, [Number.NaN, Number.NaN, Number.NaN, Number.NaN]],
    ['composed, float32 lowest', 'composed', -3.4028234663852886e38, [4, 5, 6, 7]],
    ['composed, −1e9', 'composed', -1e9, [4, 5, 6, 7]],
    ['Attention-23, −∞', 'attention-23', Number.NEGATIVE_INFINITY, [0, 0, 0, 0]],
    ['Attention-23, float32 lowest', 'attention-23', -3.4028234663852886e38, [0, 0, 0, 0]],
    ['Attention-23, −1e9', 'attention-23', -1e9, [4, 5, 6, 7]],
  ])('%s → row 0 = %j', async (_label, which, maskValue, row0) => {
    const mask = new Float32Array(9);
    mask.fill(maskValue, 0, 3);
    const actual = await runMaskedGraph(which as 'composed' | 'attention-23', mask);
    const first = [...actual.subarray(0, 4)];
    for (let i = 0; i < 4; i++) {
      if (Number.isNaN(row0[i]!)) expect(first[i]).toBeNaN();
      else expect(first[i]).toBeCloseTo(row0[i]!, 5);
    }
  });
});

describe('attention cost formulas', () => {
  it.each([
    // FlashAttention-2 (Dao 2023, §4.1): 4·N²·d·heads, halved for causal; exact causal pairs are N(N+1)/2.
    [{ seq: '2048', heads: '8', head_dim: '64', causal: 'false' }, 4 * 2048 ** 2 * 64 * 8],
    [{ seq: '2048', heads: '8', head_dim: '64', causal: 'true' }, 4 * ((2048 * 2049) / 2) * 64 * 8],
    // Decode: one query against 4,096 cached + 1 new key, 32 heads of 128.
    [{ seq: '1', past: '4096', heads: '32', kv_heads: '8', head_dim: '128' }, 4 * 4097 * 128 * 32],
  ])('%j → %d FLOPs', (given, flops) => {
    const params = attentionKernel.parse({ ...defaults(), ...given });
    expect(attentionKernel.flops(params)).toBe(flops);
  });

  it('counts the bytes of Q, K, V (cache included) and the output', () => {
    const params = attentionKernel.parse({
      ...defaults(),
      seq: '1',
      past: '4096',
      heads: '32',
      kv_heads: '8',
      head_dim: '128',
    });
    // 4 bytes × (2·32·1·128 + 2·8·4097·128): a GQA decode step reads the whole 8-head cache once.
    expect(attentionKernel.bytesMoved(params)).toBe(4 * (2 * 32 * 128 + 2 * 8 * 4097 * 128));
    expect(attentionKernel.boundBy(params)).toBe('memory');
  });
});

function defaults(): Record<string, string> {
  const filled: Record<string, string> = {};
  for (const [name, param] of Object.entries(attentionKernel.params)) {
    if (param.default !== undefined) filled[name] = param.default;
  }
  return filled;
}

async function runGraph(model: Uint8Array, feeds: KernelInputs, output: string): Promise<Float64Array> {
  const session = await sessions.get(model);
  const tensors = Object.fromEntries(
    Object.entries(feeds).map(([name, t]) => [name, new ort.Tensor(t.dtype, t.data, [...t.dims])]),
  );
  const result = (await session.run(tensors, [output]))[output]!;
  return toNumbers({ dtype: 'float32', data: result.data as Float32Array });
}

async function runMaskedGraph(which: 'composed' | 'attention-23', mask: Float32Array): Promise<Float64Array> {
  const dims = [1, 1, 3, 4];
  const g = createGraphBuilder({ name: `masked-${which}` });
  const q = g.input('q', 'float32', dims);
  const k = g.input('k', 'float32', dims);
  const v = g.input('v', 'float32', dims);
  const m = g.input('mask', 'float32', [3, 3]);
  let y: string;
  if (which === 'composed') {
    const scores = g.node('MatMul', [q, g.node('Transpose', [k], { perm: [0, 1, 3, 2] })]);
    const weights = g.node('Softmax', [g.node('Add', [scores, m])], { axis: -1 });
    y = g.node('MatMul', [weights, v], {}, { outputs: ['y'] });
  } else {
    y = g.node('Attention', [q, k, v, m], { scale: attr.float(1) }, { outputs: ['y'] });
  }
  g.output(y, 'float32', dims);
  const seq = (f: (i: number) => number) => ({
    dtype: 'float32' as const,
    dims,
    data: Float32Array.from({ length: 12 }, (_, i) => f(i)),
  });
  return runGraph(
    g.build(),
    {
      q: seq(Math.sin),
      k: seq(Math.cos),
      v: seq((i) => i),
      mask: { dtype: 'float32', dims: [3, 3], data: mask },
    },
    y,
  );
}
