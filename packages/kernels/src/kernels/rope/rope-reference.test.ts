import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRope, ropeFrequencies, ropePair } from './rope-reference.js';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
};

describe('ropeFrequencies', () => {
  it('θ_i = 10000^(−2i/d): d = 4 → [1, 0.01]; d = 8 → [1, 0.1, 0.01, 0.001]', () => {
    expect([...ropeFrequencies(4, 10000)]).toEqual([1, 0.01]);
    const theta = ropeFrequencies(8, 10000);
    [1, 0.1, 0.01, 0.001].forEach((value, i) => {
      expect(theta[i]).toBeCloseTo(value, 15);
    });
  });

  it('rejects an odd head_dim', () => {
    expect(() => ropeFrequencies(3, 10000)).toThrow(RangeError);
  });
});

describe('applyRope', () => {
  it.each([
    // d = 2, one pair at θ_0 = 1: [1, 0] rotated by 2 rad = [cos 2, sin 2]
    [[1, 0], 2, 'half', [-0.416147, 0.909297]],
    // d = 4, θ = [1, 0.01], position 3: angles 3 and 0.03 rad.
    // half: pairs (x0, x2) = (1, 0) → (cos 3, sin 3); (x1, x3) = (0, 1) → (−sin 0.03, cos 0.03)
    [[1, 0, 0, 1], 3, 'half', [-0.989992, -0.029996, 0.14112, 0.99955]],
    // interleaved: pairs (x0, x1) = (1, 0) → (cos 3, sin 3); (x2, x3) = (0, 1) → (−sin 0.03, cos 0.03)
    [[1, 0, 0, 1], 3, 'interleaved', [-0.989992, 0.14112, -0.029996, 0.99955]],
    // position 0 is the identity
    [[0.5, -2, 3, 1], 0, 'interleaved', [0.5, -2, 3, 1]],
  ] as const)('rope(%j, position %d, %s) = %j', (x, position, style, expected) => {
    const y = applyRope(x, position, style, 10000);
    for (const [i, value] of expected.entries()) expect(y[i]).toBeCloseTo(value, 5);
  });

  const vector = (d: number) =>
    fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: d, maxLength: d });
  const style = fc.constantFrom('half' as const, 'interleaved' as const);

  it('keeps the length and makes q·k depend only on the distance m − n (RoFormer §3.2) (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((half) => fc.tuple(vector(2 * half), vector(2 * half))),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        style,
        ([q, k], m, n, shift, s) => {
          const rq = applyRope(q, m, s, 10000);
          expect(dot(rq, rq)).toBeCloseTo(dot(q, q), 8);
          const score = dot(rq, applyRope(k, n, s, 10000));
          const shifted = dot(applyRope(q, m + shift, s, 10000), applyRope(k, n + shift, s, 10000));
          expect(shifted).toBeCloseTo(score, 6);
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });

  it('half and interleaved are the same rotation after permuting pairs into place (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((half) => vector(2 * half)),
        fc.integer({ min: 0, max: 100_000 }),
        (x, position) => {
          const d = x.length;
          // move pair i from (i, i + d/2) to (2i, 2i + 1)
          const permuted = new Array<number>(d);
          for (let i = 0; i < d / 2; i++) {
            const [a, b] = ropePair('half', i, d);
            const [c, e] = ropePair('interleaved', i, d);
            permuted[c] = x[a]!;
            permuted[e] = x[b]!;
          }
          const half = applyRope(x, position, 'half', 10000);
          const interleaved = applyRope(permuted, position, 'interleaved', 10000);
          for (let i = 0; i < d / 2; i++) {
            expect(interleaved[2 * i]).toBeCloseTo(half[i]!, 9);
            expect(interleaved[2 * i + 1]).toBeCloseTo(half[i + d / 2]!, 9);
          }
        },
      ),
      { seed: 6, numRuns: 100 },
    );
  });
});
