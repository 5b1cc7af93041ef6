import { isUserError } from '@mlsys/errors';
import { afterAll, describe, expect, it } from 'vitest';
import { createKernelRunner } from './kernel-runner.js';

describe('createKernelRunner', () => {
  const runner = createKernelRunner({ threads: 1 });
  afterAll(() => runner.close());

  it('runs attention in a child process: every implementation agrees with the reference', async () => {
    const result = await runner.run({
      kernel: 'attention',
      args: { seq: '16', heads: '4', kv_heads: '2', head_dim: '8' },
    });
    expect(result.kernel).toBe('attention');
    expect(result.params).toMatchObject({
      kind: 'GQA',
      seq: 16,
      heads: 4,
      kv_heads: 2,
      head_dim: 8,
      causal: true,
    });
    expect(result.baseline).toBe('reference');
    expect(result.outputDims).toEqual([1, 4, 16, 8]);
    expect(result.outputBytes).toBe(1 * 4 * 16 * 8 * 4); // float32
    const byId = Object.fromEntries(result.implementations.map((impl) => [impl.id, impl]));
    expect(byId.composed).toMatchObject({ status: 'ok', withinTolerance: true });
    expect(byId['attention-23']).toMatchObject({ status: 'ok', withinTolerance: true });
    expect(byId.gqa).toMatchObject({ status: 'ok', withinTolerance: true });
    expect(byId.mha).toMatchObject({ status: 'unavailable' });
    expect(byId.reference).toMatchObject({ status: 'ok', maxAbsErr: 0 });
    expect(byId.composed!.ops).toEqual(expect.arrayContaining(['MatMul', 'Softmax']));
    // 4·B·H·D·pairs with pairs = S(S+1)/2 = 136 (FlashAttention-2 §4.1 count, causal)
    expect(result.flops).toBe(4 * 1 * 4 * 8 * 136);
  });

  it('rejects bad input in the calling process with a UserError', async () => {
    await expect(runner.run({ kernel: 'atention', args: {} })).rejects.toMatchObject({
      code: 'kernels/unknown-kernel',
      suggestions: ['attention'],
    });
    await expect(
      runner.run({ kernel: 'attention', args: { heads: '8', kv_heads: '3' } }),
    ).rejects.toMatchObject({
      code: 'kernels/bad-kv-heads',
    });
  });

  it('refuses a run above the memory cap, naming the need and the cap', async () => {
    const error = await runner
      .run({ kernel: 'attention', args: { seq: '8192', heads: '16' } })
      .catch((e) => e);
    expect(isUserError(error)).toBe(true);
    expect(error.message).toMatch(/needs about 16\.\d GiB .* the cap is 1\.0 GiB/);
    expect(error.example).toMatch(/^\/kernel attention /);
  });
});

describe('the time limit', () => {
  it('kills a run that takes too long and serves the next request from a fresh child', async () => {
    // The plain-TS reference of causal attention at seq 2048 × 16 heads is 8.6 GFLOP: many seconds
    // of JavaScript (≈6 s for 8 heads, onnxruntime.md), far beyond the 3 s limit.
    const runner = createKernelRunner({
      threads: 1,
      timeoutMs: 3_000,
      maxReferenceFlops: Number.POSITIVE_INFINITY,
      maxWorkBytes: 2 ** 31,
    });
    try {
      const started = Date.now();
      const error = await runner
        .run({ kernel: 'attention', args: { seq: '2048', heads: '16' } })
        .catch((e) => e);
      expect(error).toMatchObject({ code: 'kernels/timeout' });
      expect(Date.now() - started).toBeLessThan(20_000); // generous: killed, not run to the end
      const next = await runner.run({ kernel: 'attention', args: { seq: '4', heads: '2', head_dim: '8' } });
      expect(next.implementations.find((impl) => impl.id === 'composed')?.withinTolerance).toBe(true);
    } finally {
      await runner.close();
    }
  }, 40_000);
});
