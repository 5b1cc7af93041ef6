import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKernel } from '../testing/run-graph.js';
import { softmaxKernel } from './softmax-kernel.js';

describe('softmaxKernel', () => {
  it('runs softmax([1,2,3]) = [0.0900, 0.2447, 0.6652] in both graphs', async () => {
    const { checks } = await checkKernel(softmaxKernel, { logits: '1,2,3', temperature: '1' }, 1);
    for (const check of checks) {
      expect(check.withinTolerance).toBe(true);
      expect([...check.values].map((v) => Number(v.toFixed(4)))).toEqual([0.09, 0.2447, 0.6652]);
    }
  });

  it('gives no NaN for logits of ±1e6 at T = 0.001 and matches the reference', async () => {
    const { checks } = await checkKernel(
      softmaxKernel,
      { logits: '1000000,-1000000,999999', temperature: '0.001' },
      1,
    );
    expect(checks.map((check) => [...check.values])).toEqual([
      [1, 0, 0],
      [1, 0, 0],
    ]);
  });

  it('reports T = 0 as unavailable in the graphs while the reference returns the argmax', async () => {
    const { checks, reference } = await checkKernel(softmaxKernel, { logits: '1,3,2', temperature: '0' }, 1);
    expect([...reference.data]).toEqual([0, 1, 0]);
    expect(checks.every((check) => check.unavailable !== undefined)).toBe(true);
  });

  it('shows the float32 trap of dividing before subtracting the max (logits ≈ 1e4, T = 0.001)', async () => {
    // z/T ≈ 1e7, where float32 spacing is 1: the fused graph rounds the 1.0 gap between the scaled top
    // two logits to 1 and gives [0.2689, 0.7311] = softmax([0, 1]); the composed graph subtracts first
    // and keeps the true gap 0.9766 (10000.001 is 10000.0009765625 in float32): [0.2736, 0.7264].
    const { checks, reference } = await checkKernel(
      softmaxKernel,
      { logits: '10000,10000.001,9999', temperature: '0.001' },
      1,
    );
    expect(reference.data[0]).toBeCloseTo(0.27357, 5);
    const [composed, fused] = checks;
    expect(composed!.withinTolerance).toBe(true);
    expect(fused!.withinTolerance).toBe(false);
    expect(fused!.values[0]).toBeCloseTo(0.26894, 5);
  });

  it('agrees with the reference on random shapes, temperatures and logit scales (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          rows: fc.integer({ min: 1, max: 6 }),
          vocab: fc.integer({ min: 1, max: 3000 }),
          temperature: fc.constantFrom('1', '0.5', '2', '0.05', '0.001', '100'),
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
        }),
        async ({ rows, vocab, temperature, seed }) => {
          const args = { rows: String(rows), vocab: String(vocab), temperature };
          const { checks } = await checkKernel(softmaxKernel, args, seed);
          for (const check of checks) {
            expect(check.unavailable).toBeUndefined();
            expect(check.withinTolerance, `${check.id}: max error ${check.maxAbsErr}`).toBe(true);
          }
        },
      ),
      { seed: 42, numRuns: 40 },
    );
  });
});
