import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinchilla } from './chinchilla.js';
import { isoFlopCurves } from './iso-flop.js';
import { EPOCH_FIT, HOFFMANN_FIT, optimumForCompute, optimumForParams, predictLoss } from './scaling-fit.js';
import { CHINCHILLA_TABLE3, table3ForCompute, table3ForParams } from './table3.js';

const TABLE3 = 'Hoffmann et al. 2022, arXiv:2203.15556, Table 3';

describe('Chinchilla Table 3 (method=table)', () => {
  // Published rows: params → FLOPs and tokens; tokens checked to the table's printed precision.
  it.each([
    [400e6, 1.92e19, 8.0e9, 0.05e9, TABLE3],
    [1e9, 1.21e20, 20.2e9, 0.05e9, TABLE3],
    [10e9, 1.23e22, 205.1e9, 0.5e9, TABLE3],
    // The 67B row prints 1.5T, but 5.76e23 / (6 · 67e9) = 1.43T: the row is inconsistent by itself.
    [67e9, 5.76e23, 1.43e12, 0.005e12, `${TABLE3} (tokens from C/6N)`],
    [175e9, 3.85e24, 3.7e12, 0.05e12, TABLE3],
    [280e9, 9.9e24, 5.9e12, 0.05e12, TABLE3],
    [520e9, 3.43e25, 11.0e12, 0.05e12, TABLE3],
    [1e12, 1.27e26, 21.2e12, 0.05e12, TABLE3],
    [10e12, 1.3e28, 216.2e12, 0.6e12, TABLE3],
  ])('%d parameters → %d FLOPs, %d tokens (%s)', (params, flops, tokens, tolerance) => {
    const result = chinchilla({ method: 'table', params });
    expect(result.flops / flops).toBeCloseTo(1, 10);
    expect(Math.abs(result.tokens - tokens)).toBeLessThanOrEqual(tolerance);
    expect(result.optimal).toBe(true);
  });

  it('inverts: a budget from the table gives back its model size', () => {
    for (const row of CHINCHILLA_TABLE3) {
      expect(table3ForCompute(row.flops).params / row.params).toBeCloseTo(1, 10);
    }
  });

  it('is monotone and about 20 tokens per parameter between and beyond the rows (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: Math.log(1e8), max: Math.log(1e14), noNaN: true }), (logN) => {
        const n = Math.exp(logN);
        const here = table3ForParams(n);
        const bigger = table3ForParams(n * 1.01);
        return bigger.flops > here.flops && here.tokens / n > 19 && here.tokens / n < 23;
      }),
      { seed: 20220329 },
    );
  });
});

describe('parametric fits', () => {
  it.each([
    // Hoffmann et al. 2022 §3.3 constants; value from shared/reference/formulas.md (Chinchilla).
    [HOFFMANN_FIT, 70e9, 1.4e12, 1.9366, 'formulas.md: L(70e9, 1.4e12) = 1.9366 with the Hoffmann fit'],
  ])('L(N, D) matches the published check (%#: %s)', (fit, n, d, loss) => {
    expect(predictLoss(fit, n, d)).toBeCloseTo(loss, 4);
  });

  it.each([
    // formulas.md: the rounded Hoffmann constants put D/N near 90, not 20 (at Gopher's 5.76e23 FLOPs).
    [HOFFMANN_FIT, 5.76e23, 85, 100, 'Hoffmann fit, formulas.md: D/N near 90'],
    // Besiroglu et al. 2024, arXiv:2404.10102: the refit's optimum is near 20 tokens per parameter.
    [EPOCH_FIT, 5.76e23, 15, 25, 'Epoch refit, arXiv:2404.10102: near 20'],
    [EPOCH_FIT, 1e21, 15, 25, 'Epoch refit, arXiv:2404.10102: near 20'],
  ])('compute-optimal tokens per parameter (%#: %s)', (fit, flops, low, high) => {
    const { params, tokens } = optimumForCompute(fit, flops);
    expect(tokens / params).toBeGreaterThan(low);
    expect(tokens / params).toBeLessThan(high);
    expect(6 * params * tokens).toBeCloseTo(flops, -10);
  });

  it('closed-form optimum is the minimum of the iso-FLOP slice', () => {
    for (const fit of [HOFFMANN_FIT, EPOCH_FIT]) {
      const [curve] = isoFlopCurves(fit, [1e23], 201, 10);
      const lowest = Math.min(...curve!.points.map(([, loss]) => loss));
      expect(curve!.optimum.loss).toBeLessThanOrEqual(lowest + 1e-12);
    }
  });

  it('optimumForParams inverts optimumForCompute (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 18, max: 28, noNaN: true }), (logC) => {
        const flops = 10 ** logC;
        const { params } = optimumForCompute(HOFFMANN_FIT, flops);
        return Math.abs(optimumForParams(HOFFMANN_FIT, params).flops / flops - 1) < 1e-9;
      }),
      { seed: 7 },
    );
  });
});

describe('chinchilla()', () => {
  it('takes parameters and tokens, gives C = 6ND and the loss (Chinchilla 70B, 1.4T tokens)', () => {
    // Hoffmann et al. 2022 §4: Chinchilla is 70B parameters trained on 1.4T tokens.
    const result = chinchilla({ method: 'table', params: 70e9, tokens: 1.4e12 });
    expect(result.flops).toBeCloseTo(5.88e23, -20);
    expect(result.tokensPerParam).toBeCloseTo(20, 10);
    expect(result.loss).toBeCloseTo(1.9366, 4);
    expect(result.lossFit.key).toBe('hoffmann');
    expect(result.optimal).toBe(false);
  });

  it('takes a GPU budget and sizes the optimum (GPU-hours × peak × MFU)', () => {
    const result = chinchilla({
      method: 'hoffmann',
      cluster: { gpus: 1000, hours: 100, peakFlops: 1e15, mfu: 0.5, gpuName: 'test' },
    });
    expect(result.flops).toBeCloseTo(1000 * 100 * 3600 * 1e15 * 0.5, -5);
    expect(result.trainingSeconds).toBe(360_000);
    expect(result.params).toBeCloseTo(optimumForCompute(HOFFMANN_FIT, result.flops).params, -3);
  });

  it('estimates training time: GPT-3 175B on 300B tokens, 1024 A100s at 140 TFLOP/s ≈ 34 days', () => {
    // Narayanan et al. 2021 §5.1: "34 days". Their 8TP/(nX) counts recomputation in X; 6ND at X/peak·(6/8)
    // is the same time.
    const result = chinchilla({
      method: 'table',
      params: 175e9,
      tokens: 300e9,
      cluster: { gpus: 1024, peakFlops: 312e12, mfu: (140 / 312) * (6 / 8), gpuName: 'A100' },
    });
    expect(result.trainingSeconds! / 86_400).toBeCloseTo(33.9, 1);
  });

  it.each([
    [{}, 'calc/chinchilla-nothing-given'],
    [{ params: 1e9, tokens: 1e10, flops: 1e20 }, 'calc/chinchilla-overdetermined'],
    [{ tokens: 1e12 }, 'calc/chinchilla-tokens-only'],
  ])('refuses %j with %s', (input, code) => {
    expect(() => chinchilla({ method: 'table', ...input })).toThrow(expect.objectContaining({ code }));
  });

  it('extrapolates Table 3 below its 400M row with a warning: 70M → 5.79e17 FLOPs, 1.38B tokens', () => {
    const result = chinchilla({ method: 'table', params: 70e6 });
    // First segment, log–log: C = 1.92e19 · (70M / 400M)^(ln(1.21e20 / 1.92e19) / ln 2.5)
    //   = 1.92e19 · 0.175^2.0091 = 5.787e17; D = C / (6N) = 1.378e9.
    expect(result.flops / 5.787e17).toBeCloseTo(1, 3);
    expect(result.tokens / 1.378e9).toBeCloseTo(1, 3);
    expect(result.warnings).toEqual([
      "N = 70.0M parameters is below the smallest row of Hoffmann et al. 2022 Table 3 (400M): the tokens and FLOPs are extrapolated along the table's first segment.",
    ]);
  });

  it('70K parameters: also below the 70M runs the loss fit was made on', () => {
    expect(chinchilla({ method: 'table', params: 70e3 }).warnings[0]).toContain(
      'first segment, and the loss from a fit made on runs of 70.0M parameters and up.',
    );
  });

  it.each([
    // inputs, warning or none: Table 3 spans 400M–10T; the fits' runs 70M–16B, projected to 10T
    [{ method: 'table', params: 400e6 }, undefined],
    [{ method: 'table', params: 10e12 }, undefined],
    [{ method: 'table', params: 70e9 }, undefined],
    [{ method: 'hoffmann', params: 100e6 }, undefined],
    [
      { method: 'epoch', params: 50e6 },
      'below the smallest models the Chinchilla scaling fits were made on (70.0M',
    ],
    [
      { method: 'table', params: 20e12 },
      'beyond the largest size Hoffmann et al. 2022 project to (Table 3: 10.0T)',
    ],
    // flops=1e17 by Table 3: N = 29.2M, below the first row
    [{ method: 'table', flops: 1e17 }, 'N = 29.2M parameters is below the smallest row'],
    // N and D given: only the loss is a model figure, so the fit's range applies
    [{ method: 'table', params: 100e6, tokens: 2e9 }, undefined],
  ] as const)('%j warns %j', (input, warning) => {
    const { warnings } = chinchilla(input);
    if (warning === undefined) expect(warnings).toEqual([]);
    else expect(warnings[0]).toContain(warning);
  });

  it("refuses more than 1e15 parameters (100 × Table 3's largest row), given or derived", () => {
    for (const input of [{ params: 1e30 }, { params: 1.01e15 }, { flops: 1e30, tokens: 1 }]) {
      expect(() => chinchilla({ method: 'table', ...input })).toThrow(
        expect.objectContaining({ code: 'calc/chinchilla-too-large' }),
      );
    }
    expect(chinchilla({ method: 'table', params: 1e15 }).warnings).toHaveLength(1);
  });

  it('shows its work with units', () => {
    const result = chinchilla({ method: 'hoffmann', flops: 5.76e23 });
    expect(result.work.map((step) => step.label)).toEqual([
      'Frontier constant',
      'Optimal parameters',
      'Optimal tokens',
      'Tokens per parameter',
      `Predicted loss (${HOFFMANN_FIT.label})`,
    ]);
    expect(result.notes.join(' ')).toContain('near 90');
  });
});
