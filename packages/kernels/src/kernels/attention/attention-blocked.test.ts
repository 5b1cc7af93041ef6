import fc from 'fast-check';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { compareValues, toNumbers } from '../../host-tensor.js';
import { isUnavailable, type KernelGraph } from '../../kernel-definition.js';
import { createRandom } from '../../random.js';
import { executeKernel } from '../../runner/execute-kernel.js';
import { createSessionCache } from '../../runner/session-cache.js';
import { BLOCK_ROWS, buildBlockedCausalAttention } from './attention-blocked.js';
import { attentionKernel } from './attention-kernel.js';
import { type AttentionParams, parseAttentionParams } from './attention-params.js';
import { attentionReference } from './attention-reference.js';

const sessions = createSessionCache(1);
afterAll(() => sessions.clear());

async function run(graph: KernelGraph): Promise<Float64Array> {
  const session = await sessions.get(graph.model);
  const feeds = Object.fromEntries(
    Object.entries(graph.feeds).map(([name, t]) => [name, new ort.Tensor(t.dtype, t.data, [...t.dims])]),
  );
  const output = (await session.run(feeds, [graph.output]))[graph.output]!;
  return toNumbers({ dtype: output.type as 'float32' | 'float16', data: output.data as Float32Array });
}

const params = (args: Record<string, string>): AttentionParams =>
  parseAttentionParams({ batch: '1', past: '0', head_dim: '16', causal: 'true', ...args });

describe('blocked causal attention agrees with the float64 reference (float32: atol 2e-5, rtol 1e-4)', () => {
  it('for any block height, ragged last block included, MHA/GQA/MQA (fast-check, seed 20261124)', async () => {
    const cases = fc
      .record({
        batch: fc.integer({ min: 1, max: 2 }),
        seq: fc.integer({ min: 2, max: 40 }),
        heads: fc.constantFrom(1, 2, 4, 8),
        kvPick: fc.nat(),
        headDim: fc.constantFrom(1, 8, 24),
        blockPick: fc.nat(),
      })
      .map(({ kvPick, blockPick, ...rest }) => {
        const divisors = [1, 2, 4, 8].filter((d) => rest.heads % d === 0);
        const p: AttentionParams = {
          ...rest,
          past: 0,
          kvHeads: divisors[kvPick % divisors.length]!,
          causal: true,
          dtype: 'float32',
        };
        return { p, blockRows: 1 + (blockPick % (rest.seq - 1)) }; // 1 … seq − 1: at least two blocks
      });
    await fc.assert(
      fc.asyncProperty(cases, fc.integer({ min: 1, max: 1000 }), async ({ p, blockRows }, seed) => {
        const inputs = attentionKernel.makeInputs(p, createRandom(seed));
        const graph = buildBlockedCausalAttention(p, inputs, blockRows);
        if (isUnavailable(graph)) throw new Error(graph.unavailable);
        const actual = await run(graph);
        const expected = toNumbers(attentionReference(p, inputs));
        const label = `${JSON.stringify(p)} blockRows=${blockRows}`;
        expect(compareValues(actual, expected, attentionKernel.tolerance.float32!), label).toMatchObject({
          withinTolerance: true,
        });
      }),
      { seed: 20261124, numRuns: 60 },
    );
  });

  it('in float16 (atol = rtol = 4e-3): seq 37 in blocks of 10, GQA 8/2', async () => {
    const p = params({ seq: '37', heads: '8', kv_heads: '2', dtype: 'float16' });
    const inputs = attentionKernel.makeInputs(p, createRandom(3));
    const graph = buildBlockedCausalAttention(p, inputs, 10);
    if (isUnavailable(graph)) throw new Error(graph.unavailable);
    expect(
      compareValues(
        await run(graph),
        toNumbers(attentionReference(p, inputs)),
        attentionKernel.tolerance.float16!,
      ),
    ).toMatchObject({ withinTolerance: true });
  });

  it(`runs as /kernel's "blocked" implementation once seq exceeds ${BLOCK_ROWS} rows (seq 600: four blocks of 128, then 88)`, async () => {
    const result = await executeKernel(
      { kernel: 'attention', args: { seq: '600', heads: '4', kv_heads: '2', head_dim: '16' }, repeats: 1 },
      { sessions, threads: 1, maxReferenceFlops: Number.POSITIVE_INFINITY },
    );
    const blocked = result.implementations.find((impl) => impl.id === 'blocked');
    expect(blocked).toMatchObject({ status: 'ok', variant: 'composed', withinTolerance: true });
    expect(blocked!.ops).toEqual([
      'Reshape',
      'Slice',
      'Tile', // the mask, repeated for the group's 2 query heads
      'Transpose',
      'MatMul',
      'Mul',
      'Add',
      'Softmax',
      'Concat',
    ]);
  });
});

describe('where blocking does not apply, it says why', () => {
  it.each([
    [{ seq: '600', causal: 'false' }, 'blocking skips masked tiles: it needs causal=true.'],
    [{ seq: '600', past: '16' }, 'the blocked graph is for a prompt without a cache (past=0).'],
    [{ seq: '128' }, 'one block of 128 query rows holds the whole sequence: nothing to skip.'],
  ])('%j → %s', (args, reason) => {
    const p = params({ heads: '2', ...args });
    const graph = buildBlockedCausalAttention(p, attentionKernel.makeInputs(p, createRandom(1)));
    expect(graph).toEqual({ unavailable: reason });
  });
});
