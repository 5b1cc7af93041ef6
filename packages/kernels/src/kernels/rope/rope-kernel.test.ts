import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKernel } from '../testing/run-graph.js';
import { ropeKernel } from './rope-kernel.js';

const round4 = (values: Float64Array) => [...values].map((v) => Number(v.toFixed(4)));

describe('ropeKernel', () => {
  it.each([
    ['half', [-0.99, -0.03, 0.1411, 0.9996]],
    ['interleaved', [-0.99, 0.1411, -0.03, 0.9996]],
  ])(
    'rotates x=1,0,0,1 at position 3 (%s) the same in all three implementations',
    async (style, expected) => {
      const { checks } = await checkKernel(
        ropeKernel,
        { x: '1,0,0,1', position: '3', style, base: '10000' },
        1,
      );
      expect(checks.map((check) => check.id)).toEqual(['composed', 'rope-23', 'contrib']);
      for (const check of checks) {
        expect(check.withinTolerance, check.id).toBe(true);
        expect(round4(check.values), check.id).toEqual(expected);
      }
    },
  );

  it('keeps float32 accuracy at position 1,000,000 (angles in float64)', async () => {
    const args = { seq: '3', heads: '2', head_dim: '64', position: '1000000', style: 'half', base: '10000' };
    const { checks } = await checkKernel(ropeKernel, args, 3);
    for (const check of checks) expect(check.withinTolerance, `${check.id}: ${check.maxAbsErr}`).toBe(true);
  });

  it('agrees with the reference on random shapes, positions, styles and bases (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seq: fc.integer({ min: 1, max: 64 }),
          heads: fc.integer({ min: 1, max: 4 }),
          head_dim: fc.integer({ min: 1, max: 64 }).map((half) => 2 * half),
          position: fc.integer({ min: 0, max: 2 ** 20 - 64 }),
          style: fc.constantFrom('half', 'interleaved'),
          base: fc.constantFrom('10000', '500000', '2'),
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
        }),
        async ({ seed, ...rest }) => {
          const args = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, String(value)]));
          const { checks } = await checkKernel(ropeKernel, args, seed);
          for (const check of checks) {
            expect(check.withinTolerance, `${check.id}: max error ${check.maxAbsErr}`).toBe(true);
          }
        },
      ),
      { seed: 77, numRuns: 20 },
    );
  });

  it('rejects an odd vector and an odd head_dim', () => {
    expect(() => ropeKernel.parse({ x: '1,2,3', position: '0', style: 'half', base: '10000' })).toThrow(
      /even/,
    );
    expect(() =>
      ropeKernel.parse({ seq: '4', heads: '1', head_dim: '7', position: '0', style: 'half', base: '10000' }),
    ).toThrow(/even/);
  });
});
