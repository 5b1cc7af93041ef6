import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random.js';
import { checkKernel } from '../testing/run-graph.js';
import { kmeansKernel } from './kmeans-kernel.js';
import { inertia, kmeansStep } from './kmeans-reference.js';

const round4 = (values: Float64Array) => [...values].map((v) => Number(v.toFixed(4)));

describe('kmeansStep', () => {
  it('assigns (9,9) and (10,10) to the centroid at (1,1) and moves it to their mean with (1,1)', () => {
    // ‖(9,9) − (1,1)‖² = 128 < ‖(9,9) − (0,0)‖² = 162, so c1 takes (1,1), (9,9), (10,10): mean 20/3.
    const step = kmeansStep([0, 0, 1, 1, 9, 9, 10, 10], [0, 0, 1, 1], { n: 4, dim: 2, k: 2 });
    expect([...step.assignment]).toEqual([0, 1, 1, 1]);
    expect([...step.counts]).toEqual([1, 3]);
    expect(round4(step.centroids)).toEqual([0, 0, 6.6667, 6.6667]);
  });

  it('breaks a distance tie toward the lower centroid and keeps an empty centroid in place', () => {
    const step = kmeansStep([0.5, 0.5], [0, 0, 1, 1, 100, 100], { n: 1, dim: 2, k: 3 });
    expect([...step.assignment]).toEqual([0]);
    expect([...step.centroids]).toEqual([0.5, 0.5, 1, 1, 100, 100]);
  });

  it('never increases the objective: a second step scores ≤ the first (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 6 }), (seed, k) => {
        const params = kmeansKernel.parse({ n: '60', dim: '3', k: String(k) });
        const inputs = kmeansKernel.makeInputs(params, createRandom(seed));
        const points = inputs.points!.data as Float32Array;
        const first = kmeansStep(points, inputs.centroids!.data as Float32Array, params);
        const second = kmeansStep(points, first.centroids, params);
        expect(inertia(second)).toBeLessThanOrEqual(inertia(first) + 1e-9);
      }),
      { seed: 8, numRuns: 100 },
    );
  });
});

/** True when every point's nearest centroid beats the second by a margin float32 cannot flip. */
function clearlyAssigned(args: Record<string, string>, seed: number): boolean {
  const params = kmeansKernel.parse(args);
  const inputs = kmeansKernel.makeInputs(params, createRandom(seed));
  const step = kmeansStep(
    inputs.points!.data as Float32Array,
    inputs.centroids!.data as Float32Array,
    params,
  );
  return step.nearest.every((d, i) => step.secondNearest[i]! - d > 1e-5 * (1 + d + step.secondNearest[i]!));
}

describe('kmeansKernel', () => {
  it.each([
    ['0,0;1,1;9,9;10,10', '0,0;1,1', [0, 0, 6.6667, 6.6667]],
    ['0.5,0.5', '0,0;1,1;100,100', [0.5, 0.5, 1, 1, 100, 100]],
  ])('points=%s centroids=%s → %j in the graph and the reference', async (points, centroids, expected) => {
    const { checks } = await checkKernel(kmeansKernel, { points, centroids }, 1);
    expect(checks[0]!.withinTolerance).toBe(true);
    expect(round4(checks[0]!.values)).toEqual(expected);
  });

  it('defaults to the first k = 2 of the user points', () => {
    expect(kmeansKernel.parse({ points: '0,0;1,1;9,9' })).toMatchObject({ k: 2, centroids: [0, 0, 1, 1] });
    expect(() => kmeansKernel.parse({ points: '0,0;1' })).toThrow(/point 2 has 1/);
  });

  // Cases where a point is (nearly) equidistant from two centroids are skipped: float32 may honestly
  // assign it differently (see the kernel's tolerance note).
  it('agrees with the reference on random blobs incl. k = 1 (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          n: fc.integer({ min: 1, max: 3000 }),
          dim: fc.integer({ min: 1, max: 32 }),
          k: fc.integer({ min: 1, max: 16 }),
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
        }),
        async ({ n, dim, k, seed }) => {
          const args = { n: String(n), dim: String(dim), k: String(Math.min(k, n)) };
          fc.pre(clearlyAssigned(args, seed));
          const { checks } = await checkKernel(kmeansKernel, args, seed);
          expect(checks[0]!.withinTolerance, `max error ${checks[0]!.maxAbsErr}`).toBe(true);
        },
      ),
      { seed: 21, numRuns: 30 },
    );
  });
});
