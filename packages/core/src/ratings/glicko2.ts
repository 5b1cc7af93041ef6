/**
 * Glicko-2, as specified in Mark E. Glickman, "Example of the Glicko-2 system" (Boston University,
 * 2013; glicko.net/glicko/glicko2.pdf), steps 1–8. Ratings are on the Glicko scale (1500 centre);
 * internally the Glicko-2 scale μ = (r − 1500) / 173.7178, φ = RD / 173.7178.
 *
 * @module
 */

/** One rated entity's Glicko-2 state on the Glicko scale. */
export interface Glicko {
  /** Rating r, Glicko points. */
  rating: number;
  /** Rating deviation RD, Glicko points. */
  rd: number;
  /** Volatility σ (dimensionless, Glicko-2 scale). */
  volatility: number;
}

/** One game of a rating period: the opponent before the period and the score (1 win, 0.5 draw, 0 loss). */
export interface GlickoGame {
  opponent: Pick<Glicko, 'rating' | 'rd'>;
  score: number;
}

/** Glickman 2013, step 2: the factor between the Glicko and Glicko-2 scales (400 / ln 10). */
export const GLICKO2_SCALE = 173.7178;

/** Glickman 2013, step 5: convergence tolerance ε of the volatility iteration. */
const EPSILON = 0.000001;

/** Glickman 2013, step 3: g(φ) = 1 / √(1 + 3φ²/π²). */
const g = (phi: number) => 1 / Math.sqrt(1 + (3 * phi * phi) / (Math.PI * Math.PI));

/** Glickman 2013, step 3: E(μ, μj, φj) = 1 / (1 + exp(−g(φj)(μ − μj))). */
const expected = (mu: number, muJ: number, phiJ: number) => 1 / (1 + Math.exp(-g(phiJ) * (mu - muJ)));

/**
 * The expected score of `player` against `opponent` (Glickman 2013, step 3's E on the Glicko-2 scale),
 * e.g. the chance a player solves a question of this rating.
 */
export function expectedScore(
  player: Pick<Glicko, 'rating'>,
  opponent: Pick<Glicko, 'rating' | 'rd'>,
): number {
  return expected(
    (player.rating - 1500) / GLICKO2_SCALE,
    (opponent.rating - 1500) / GLICKO2_SCALE,
    opponent.rd / GLICKO2_SCALE,
  );
}

/**
 * The new volatility σ′: Glickman 2013, step 5, the Illinois algorithm on
 * f(x) = eˣ(Δ² − φ² − v − eˣ) / (2(φ² + v + eˣ)²) − (x − a)/τ², a = ln σ².
 */
function newVolatility(sigma: number, phi: number, v: number, delta: number, tau: number): number {
  const a = Math.log(sigma * sigma);
  const f = (x: number) => {
    const ex = Math.exp(x);
    const d = phi * phi + v + ex;
    return (ex * (delta * delta - phi * phi - v - ex)) / (2 * d * d) - (x - a) / (tau * tau);
  };
  let A = a;
  let B: number;
  if (delta * delta > phi * phi + v) B = Math.log(delta * delta - phi * phi - v);
  else {
    let k = 1;
    while (f(a - k * tau) < 0) k++;
    B = a - k * tau;
  }
  let fA = f(A);
  let fB = f(B);
  for (let i = 0; i < 100 && Math.abs(B - A) > EPSILON; i++) {
    const C = A + ((A - B) * fA) / (fB - fA);
    const fC = f(C);
    if (fC * fB <= 0) {
      A = B;
      fA = fB;
    } else fA /= 2;
    B = C;
    fB = fC;
  }
  return Math.exp(A / 2);
}

/**
 * Rates one period of games (Glickman 2013, steps 2–8). With no games only the deviation grows
 * (step 6: φ′ = √(φ² + σ²)).
 *
 * @param tau The system constant τ (Glickman suggests 0.3–1.2; his example uses 0.5).
 * @returns The state after the period, on the Glicko scale, unclamped.
 */
export function glicko2Update(player: Glicko, games: readonly GlickoGame[], tau: number): Glicko {
  const mu = (player.rating - 1500) / GLICKO2_SCALE;
  const phi = player.rd / GLICKO2_SCALE;
  if (games.length === 0) {
    return { ...player, rd: Math.sqrt(phi * phi + player.volatility ** 2) * GLICKO2_SCALE };
  }
  let vInverse = 0;
  let sum = 0;
  for (const { opponent, score } of games) {
    const muJ = (opponent.rating - 1500) / GLICKO2_SCALE;
    const phiJ = opponent.rd / GLICKO2_SCALE;
    const e = expected(mu, muJ, phiJ);
    vInverse += g(phiJ) ** 2 * e * (1 - e);
    sum += g(phiJ) * (score - e);
  }
  const v = 1 / vInverse;
  const delta = v * sum;
  const sigma = newVolatility(player.volatility, phi, v, delta, tau);
  const phiStar = Math.sqrt(phi * phi + sigma * sigma);
  const phiNew = 1 / Math.sqrt(1 / (phiStar * phiStar) + 1 / v);
  const muNew = mu + phiNew * phiNew * sum;
  return { rating: GLICKO2_SCALE * muNew + 1500, rd: GLICKO2_SCALE * phiNew, volatility: sigma };
}
