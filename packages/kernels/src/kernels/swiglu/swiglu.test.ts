import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKernel } from '../testing/run-graph.js';
import { swigluKernel } from './swiglu-kernel.js';
import { silu, swigluReference } from './swiglu-reference.js';

describe('silu', () => {
  it.each([
    [0, 0],
    [1, 0.7310586], // 1·σ(1)
    [3, 2.8577224], // 3·σ(3) = 3 · 0.95257413
    [-1, -0.2689414], // −1·σ(−1)
    [-1000, -0], // no overflow of exp(1000)
  ])('silu(%d) = %d', (z, expected) => {
    expect(silu(z)).toBeCloseTo(expected, 7);
  });
});

describe('swigluReference', () => {
  it('computes a hand-checkable block: x = [1, 2], gate 3, up 1, down [1, −1]', () => {
    // gate = x·[1, 1]ᵀ = 3, up = x·[1, 0]ᵀ = 1, inner = silu(3)·1 = 2.8577, y = inner·[1, −1]
    const y = swigluReference([1, 2], [1, 1], [1, 0], [1, -1], { tokens: 1, hidden: 2, ffn: 1 });
    expect(y[0]).toBeCloseTo(2.8577223, 6);
    expect(y[1]).toBeCloseTo(-2.8577223, 6);
  });
});

describe('swigluKernel', () => {
  it('runs both graphs on the user vector with seeded weights, and the reference agrees', async () => {
    const { checks } = await checkKernel(swigluKernel, { x: '1,-1,0.5,2', ffn: '8' }, 4);
    expect(checks.map((check) => check.id)).toEqual(['composed', 'packed']);
    for (const check of checks) expect(check.withinTolerance, check.id).toBe(true);
  });

  it('agrees with the reference on random shapes incl. one token (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          tokens: fc.integer({ min: 1, max: 16 }),
          hidden: fc.integer({ min: 1, max: 256 }),
          ffn: fc.integer({ min: 1, max: 700 }),
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
        }),
        async ({ tokens, hidden, ffn, seed }) => {
          const args = { tokens: String(tokens), hidden: String(hidden), ffn: String(ffn) };
          const { checks } = await checkKernel(swigluKernel, args, seed);
          for (const check of checks) {
            expect(check.withinTolerance, `${check.id}: max error ${check.maxAbsErr}`).toBe(true);
          }
        },
      ),
      { seed: 3, numRuns: 15 },
    );
  });

  it('counts 6·T·h·f + 3·T·f FLOPs and calls one token memory-bound, 512 tokens compute-bound', () => {
    const one = swigluKernel.parse({ tokens: '1', hidden: '1024', ffn: '2816' });
    expect(swigluKernel.flops(one)).toBe(6 * 1024 * 2816 + 3 * 2816);
    expect(swigluKernel.boundBy(one)).toBe('memory');
    expect(swigluKernel.boundBy(swigluKernel.parse({ tokens: '512', hidden: '1024', ffn: '2816' }))).toBe(
      'compute',
    );
  });

  it('refuses weights over the cap with a right example', () => {
    expect(() => swigluKernel.parse({ tokens: '1', hidden: '4096', ffn: '14336' })).toThrow(/over the cap/);
  });
});
