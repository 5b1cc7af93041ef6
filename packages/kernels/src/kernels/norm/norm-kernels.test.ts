import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKernel } from '../testing/run-graph.js';
import { layernormKernel } from './layernorm-kernel.js';
import { rmsnormKernel } from './rmsnorm-kernel.js';

const round4 = (values: Float64Array) => [...values].map((v) => Number(v.toFixed(4)));

describe('layernorm and rmsnorm kernels', () => {
  it.each([
    [layernormKernel, '1,2,3,4', [-1.3416, -0.4472, 0.4472, 1.3416], 3],
    [rmsnormKernel, '1,2,3,4', [0.3651, 0.7303, 1.0954, 1.4606], 4],
    [layernormKernel, '3,3,3,3', [0, 0, 0, 0], 3],
  ] as const)('%# every implementation computes the worked example', async (kernel, x, expected, count) => {
    const { checks } = await checkKernel(kernel, { x, epsilon: '1e-5' }, 1);
    expect(checks).toHaveLength(count);
    for (const check of checks) {
      expect(check.withinTolerance, check.id).toBe(true);
      expect(round4(check.values), check.id).toEqual(expected);
      expect(check.dims, check.id).toEqual([1, 4]);
    }
  });

  it('documents the float32 limit: LayerNorm of values 1e5 ± 1 errs by ≈ 3e-3 in every implementation', async () => {
    // float32 spacing at 1e5 is 0.0078: the mean and the centred values lose about 2 of their digits.
    const x = Array.from({ length: 256 }, (_, i) => (100000 + Math.sin(i)).toFixed(3)).join(',');
    const { checks } = await checkKernel(layernormKernel, { x, epsilon: '1e-5' }, 1);
    for (const check of checks) expect(check.maxAbsErr, check.id).toBeGreaterThan(1e-3);
    // RMSNorm does not centre, so the same values keep their precision.
    const rms = await checkKernel(rmsnormKernel, { x, epsilon: '1e-5' }, 1);
    for (const check of rms.checks) expect(check.withinTolerance, check.id).toBe(true);
  });

  it.each([layernormKernel, rmsnormKernel])(
    '$name agrees with the reference on random shapes (property)',
    async (kernel) => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            rows: fc.integer({ min: 1, max: 8 }),
            hidden: fc.integer({ min: 1, max: 1024 }),
            epsilon: fc.constantFrom('1e-5', '1e-6', '0.1'),
            seed: fc.integer({ min: 0, max: 2 ** 31 }),
          }),
          async ({ rows, hidden, epsilon, seed }) => {
            const args = { rows: String(rows), hidden: String(hidden), epsilon };
            const { checks } = await checkKernel(kernel, args, seed);
            for (const check of checks) {
              expect(check.withinTolerance, `${check.id}: max error ${check.maxAbsErr}`).toBe(true);
            }
          },
        ),
        { seed: 99, numRuns: 15 },
      );
    },
  );
});
