import { describe, expect, it } from 'vitest';
import { checkGoals } from './bench-goals.js';
import { benchToJson } from './bench-report.js';
import type { BenchResult } from './run-bench.js';

const machine = { matmulGflops: 100, copyGBps: 20, passGBps: 10, returnGBps: 8 };
/** Ceilings measured in a faster moment of the same run. */
const faster = { matmulGflops: 120, copyGBps: 25, passGBps: 12, returnGBps: 9 };
const prefill = {
  kind: 'MHA',
  batch: 1,
  seq: 2048,
  past: 0,
  heads: 8,
  kv_heads: 8,
  head_dim: 64,
  causal: true,
};
const decode = { ...prefill, seq: 1, past: 8192 };

function result(
  partial: Partial<BenchResult> & Pick<BenchResult, 'implementation' | 'variant'>,
): BenchResult {
  return { kernel: 'attention', shape: prefill, boundBy: 'compute', sizeIndex: 1, sizeCount: 2, ...partial };
}

const results: BenchResult[] = [
  result({ implementation: 'composed', variant: 'composed', ms: 80, gflops: 55 }),
  result({ implementation: 'gqa', variant: 'fused', ms: 70, gflops: 65 }),
  result({ implementation: 'mha', variant: 'fused', note: 'unavailable' }),
  result({ implementation: 'reference', variant: 'reference', ms: 2000, gflops: 2.2 }),
  result({
    implementation: 'composed',
    variant: 'composed',
    shape: decode,
    boundBy: 'memory',
    sizeIndex: 0,
    ms: 2,
    gbps: 9,
  }),
  result({
    implementation: 'gqa',
    variant: 'fused',
    shape: decode,
    boundBy: 'memory',
    sizeIndex: 0,
    ms: 3,
    gbps: 6,
  }),
];

describe('checkGoals', () => {
  const goals = checkGoals(() => machine, results);

  it('judges the best causal prefill against 60% of MatMul GFLOP/s', () => {
    expect(goals[0]).toMatchObject({ achieved: 0.65, target: 0.6, met: true });
    expect(goals[0]!.detail).toContain('gqa');
  });

  it("judges each kernel against the ceilings measured around it, not the run's best", () => {
    // The same 65 GFLOP/s prefill, timed while the machine did 120 GFLOP/s of MatMul: 54%.
    const [prefillGoal] = checkGoals(() => faster, results);
    expect(prefillGoal).toMatchObject({ achieved: 65 / 120, met: false });
    expect(prefillGoal!.detail).toBe('gqa: 65.0 of 120.0 GFLOP/s');
  });

  it('judges the best decode step against 50% of copy GB/s', () => {
    expect(goals[1]).toMatchObject({ achieved: 0.45, target: 0.5, met: false });
    expect(goals[1]!.detail).toContain('composed');
  });

  it('judges the slowest ONNX implementation against 20× the reference at the largest size', () => {
    expect(goals[2]).toMatchObject({ achieved: 2000 / 80, target: 20, met: true });
    expect(goals).toHaveLength(3);
  });

  it('gives the GB/s of a memory-bound kernel and its reference against the copy ceiling', () => {
    const norm = { kernel: 'rmsnorm', shape: { rows: 1024, hidden: 4096 }, boundBy: 'memory' as const };
    const [goal] = checkGoals(
      (kernel) => (kernel === 'rmsnorm' ? machine : faster),
      [
        {
          ...norm,
          implementation: 'composed',
          variant: 'composed',
          sizeIndex: 0,
          sizeCount: 1,
          ms: 4,
          gbps: 8,
          outputBytes: 16 * 2 ** 20,
        },
        {
          ...norm,
          implementation: 'reference',
          variant: 'reference',
          sizeIndex: 0,
          sizeCount: 1,
          ms: 20,
          gbps: 1.6,
        },
      ],
    );
    // 8 GB/s · 4 ms = 32 MB; at 20 GB/s that is 1.6 ms, and 20 ms / 1.6 ms = 12.5×; one pass at
    // 10 GB/s is 3.2 ms, and 20 ms / 3.2 ms = 6.25×; handing back 16 MiB (16,777,216 B) at 8 GB/s
    // takes 2.097 ms, and 20 ms / 2.097 ms = 9.5×.
    expect(goal).toMatchObject({ achieved: 5, met: false });
    expect(goal!.detail).toBe(
      'slowest composed 4.00 ms vs reference 20.0 ms; memory-bound: slowest 8.00 GB/s, reference 1.60 GB/s, ' +
        'copy 20.00 GB/s; at copy speed 1.60 ms, at most 13×; in one onnxruntime pass (10.00 GB/s) 3.20 ms, at most 6×; ' +
        'handing back its 16.0 MiB output through onnxruntime-node (8.00 GB/s) 2.10 ms, at most 10×',
    );
  });
});

describe('benchToJson', () => {
  it('keeps timed rows with the documented fields, GB/s for memory-bound and GFLOP/s otherwise', () => {
    const json = benchToJson({
      machine,
      ceilings: { attention: machine },
      threads: 2,
      results,
      goals: [],
    }) as {
      results: Record<string, unknown>[];
    };
    expect(json).toMatchObject({ machine: { matmulGflops: 100, copyGBps: 20, passGBps: 10, returnGBps: 8 } });
    expect(json.results).toHaveLength(5);
    expect(json.results[4]).toEqual({
      kernel: 'attention',
      variant: 'fused',
      implementation: 'gqa',
      shape: decode,
      ms: 3,
      gbps: 6,
      maxAbsErr: 0,
    });
  });
});
