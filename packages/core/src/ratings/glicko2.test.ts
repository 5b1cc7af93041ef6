import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedScore, glicko2Update } from './glicko2.js';
import { LICHESS_GLICKO, NEW_RATING, rateAttempt, rateGame } from './lichess-rating.js';

// Glickman, "Example of the Glicko-2 system" (2013), the worked example: τ = 0.5, a 1500/200/0.06
// player meets 1400/30, 1550/100 and 1700/300, winning the first and losing the others.
const player = { rating: 1500, rd: 200, volatility: 0.06 };
const games = [
  { opponent: { rating: 1400, rd: 30 }, score: 1 },
  { opponent: { rating: 1550, rd: 100 }, score: 0 },
  { opponent: { rating: 1700, rd: 300 }, score: 0 },
];

describe('glicko2Update against Glickman 2013', () => {
  const after = glicko2Update(player, games, 0.5);
  // The paper rounds its intermediate values (μ′ = −0.2069 to four decimals, i.e. ±0.0087 rating
  // points), so each figure is checked to the precision it was published with.
  it.each([
    ['r′ = 1464.06 (Glickman 2013, step 8)', after.rating, 1464.06, 0.01],
    ['RD′ = 151.52 (Glickman 2013, step 8)', after.rd, 151.52, 0.01],
    ['σ′ = 0.05999 (Glickman 2013, step 5)', after.volatility, 0.05999, 0.00001],
  ])('%s', (_what, got, published, tolerance) => {
    expect(Math.abs(got - published)).toBeLessThanOrEqual(tolerance);
  });

  it('only widens the deviation without games (step 6: φ′ = √(φ² + σ²))', () => {
    const idle = glicko2Update(player, [], 0.5);
    expect(idle.rating).toBe(1500);
    expect(idle.rd).toBeCloseTo(Math.sqrt(200 ** 2 + (0.06 * 173.7178) ** 2), 9);
  });

  it('expects 0.5 between equals and more against a weaker opponent', () => {
    expect(expectedScore({ rating: 1500 }, { rating: 1500, rd: 350 })).toBeCloseTo(0.5, 12);
    expect(expectedScore({ rating: 1800 }, { rating: 1500, rd: 50 })).toBeGreaterThan(0.8);
  });
});

describe('rateGame with the Lichess constants', () => {
  it('moves a new player up on a win and down on a loss, symmetrically', () => {
    const opponent = { ...NEW_RATING };
    const win = rateGame(NEW_RATING, opponent, 1);
    const loss = rateGame(NEW_RATING, opponent, 0);
    expect(win.rating - 1500).toBeCloseTo(1500 - loss.rating, 9);
    expect(win.rating).toBeGreaterThan(1500);
    expect(win.games).toBe(1);
  });

  it('keeps every change, RD and volatility within Lichess bounds (property)', () => {
    const state = fc.record({
      rating: fc.double({ min: 400, max: 3200, noNaN: true }),
      rd: fc.double({ min: 45, max: 500, noNaN: true }),
      volatility: fc.double({ min: 0.03, max: 0.1, noNaN: true }),
      games: fc.nat(1000),
    });
    fc.assert(
      fc.property(state, state, fc.constantFrom(0, 0.5, 1), (a, b, score) => {
        const next = rateGame(a, b, score);
        expect(Math.abs(next.rating - a.rating)).toBeLessThanOrEqual(LICHESS_GLICKO.maxChangePerGame + 1e-9);
        expect(next.rd).toBeGreaterThanOrEqual(LICHESS_GLICKO.minRd);
        expect(next.rd).toBeLessThanOrEqual(LICHESS_GLICKO.maxRd);
        expect(next.volatility).toBeLessThanOrEqual(LICHESS_GLICKO.maxVolatility);
        if (score === 1) expect(next.rating).toBeGreaterThanOrEqual(a.rating);
        if (score === 0) expect(next.rating).toBeLessThanOrEqual(a.rating);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('rates an attempt as a game: the question loses what the player wins', () => {
    const { player: p, question: q } = rateAttempt(NEW_RATING, NEW_RATING, 1);
    expect(p.rating).toBeGreaterThan(1500);
    expect(q.rating).toBeLessThan(1500);
    expect(p.rating - 1500).toBeCloseTo(1500 - q.rating, 9);
  });
});
