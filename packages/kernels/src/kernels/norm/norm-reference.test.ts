import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerNormRows, rmsNormRows } from './norm-reference.js';

const ones = (n: number) => new Array<number>(n).fill(1);
const shape = (hidden: number, epsilon = 1e-5) => ({ rows: 1, hidden, epsilon });

describe('layerNormRows and rmsNormRows', () => {
  it.each([
    // mean 2.5, biased variance 1.25: (x − 2.5)/√1.25 (ε = 1e-5 moves the 6th digit only)
    ['layer', [1, 2, 3, 4], [-1.341635, -0.447212, 0.447212, 1.341635]],
    // mean square (1 + 4 + 9 + 16)/4 = 7.5: x/√7.5
    ['rms', [1, 2, 3, 4], [0.365148, 0.730296, 1.095444, 1.460593]],
    // mean square 1/4: x/0.5 — RMSNorm does not centre, so the zeros stay zero
    ['rms', [0, 0, 0, 1], [0, 0, 0, 1.99996]],
    // LayerNorm centres first: mean 0.25, variance 0.1875, √(0.1875 + 1e-5) = 0.433024
    ['layer', [0, 0, 0, 1], [-0.577335, -0.577335, -0.577335, 1.732005]],
    // a constant row: LayerNorm gives 0 (ε avoids 0/0), RMSNorm gives x/|x| = 1
    ['layer', [3, 3, 3, 3], [0, 0, 0, 0]],
    ['rms', [3, 3, 3, 3], [1, 1, 1, 1]],
  ] as const)('%s norm of %j = %j', (kind, x, expected) => {
    const y =
      kind === 'layer' ? layerNormRows(x, ones(4), null, shape(4)) : rmsNormRows(x, ones(4), shape(4));
    for (const [i, value] of expected.entries()) expect(y[i]).toBeCloseTo(value, 5);
  });

  it('applies γ and β per element', () => {
    const y = layerNormRows([1, 2, 3, 4], [2, 2, 1, 1], [0, 1, 0, 0], shape(4, 0));
    expect(y[0]).toBeCloseTo(-2 * 1.3416408, 6);
    expect(y[1]).toBeCloseTo(-2 * 0.4472136 + 1, 6);
  });

  it('LayerNorm(x) = RMSNorm(x − mean x) with γ = 1, β = 0 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 64 }),
        (x) => {
          const mean = x.reduce((a, b) => a + b, 0) / x.length;
          const layer = layerNormRows(x, ones(x.length), null, shape(x.length));
          const rms = rmsNormRows(
            x.map((v) => v - mean),
            ones(x.length),
            shape(x.length),
          );
          for (let i = 0; i < x.length; i++) expect(layer[i]).toBeCloseTo(rms[i]!, 9);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('gives unit root mean square (RMSNorm) and zero mean, unit variance (LayerNorm) when ε = 0', () => {
    const x = [0.3, -1.2, 4, 2.5, -0.7];
    const rms = rmsNormRows(x, ones(5), shape(5, 0));
    expect(rms.reduce((a, v) => a + v * v, 0) / 5).toBeCloseTo(1, 12);
    const layer = layerNormRows(x, ones(5), null, shape(5, 0));
    expect(layer.reduce((a, v) => a + v, 0)).toBeCloseTo(0, 12);
    expect(layer.reduce((a, v) => a + v * v, 0) / 5).toBeCloseTo(1, 12);
  });
});
