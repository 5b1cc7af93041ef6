import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedTokensPerStep, optimalGamma, specdec, specdecSpeedup } from './specdec.js';

describe('speculative decoding (Leviathan et al. 2023)', () => {
  it.each([
    // shared/reference/formulas.md (Speculative decoding): α = 0.6, γ = 4 → 2.3056; that is Eq. 1,
    // and Theorem 3.8's speed-up equals it when the draft cost c = 0.
    [0.6, 4, 0, 2.3056, 2.3056, 'formulas.md; Leviathan Eq. 1 / Thm 3.8 with c = 0'],
    // α = 1 limit of Eq. 1: γ + 1 tokens.
    [1, 4, 0, 5, 5, 'Leviathan Eq. 1, limit α → 1'],
    // α = 0: only the target's own token.
    [0, 4, 0, 1, 1, 'Leviathan Eq. 1 with α = 0'],
    // Corollary 3.9: at γ = 1 the improvement is (1 + α)/(1 + c).
    [0.8, 1, 0.05, 1.8, 1.8 / 1.05, 'Leviathan Corollary 3.9'],
  ])('α=%d γ=%d c=%d → %d tokens, %d× (%s)', (alpha, gamma, c, tokens, speedup) => {
    const result = specdec({ alpha, gamma, draftCost: c });
    expect(result.expectedTokensPerStep).toBeCloseTo(tokens, 4);
    expect(result.speedup).toBeCloseTo(speedup, 4);
  });

  it('is continuous at α → 1', () => {
    expect(expectedTokensPerStep(1 - 1e-9, 4)).toBeCloseTo(5, 6);
  });

  it('never beats the best γ and never exceeds γ + 1 tokens (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (alpha, gamma, c) => {
          const tokens = expectedTokensPerStep(alpha, gamma);
          const best = optimalGamma(alpha, c);
          return (
            tokens >= 1 - 1e-12 &&
            tokens <= gamma + 1 + 1e-9 &&
            specdecSpeedup(alpha, gamma, c) <= best.speedup + 1e-12
          );
        },
      ),
      { seed: 2211 },
    );
  });

  it.each([
    [{ alpha: 1.2, gamma: 4, draftCost: 0 }, 'calc/specdec-alpha'],
    [{ alpha: Number.NaN, gamma: 4, draftCost: 0 }, 'calc/specdec-alpha'],
    [{ alpha: 0.5, gamma: 0, draftCost: 0 }, 'calc/specdec-gamma'],
    [{ alpha: 0.5, gamma: 2.5, draftCost: 0 }, 'calc/specdec-gamma'],
    [{ alpha: 0.5, gamma: 4, draftCost: -1 }, 'calc/specdec-draft-cost'],
  ])('refuses %j', (input, code) => {
    expect(() => specdec(input)).toThrow(expect.objectContaining({ code }));
  });
});
