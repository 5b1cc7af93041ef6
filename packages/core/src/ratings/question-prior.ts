import { LICHESS_GLICKO, type RatingState } from './lichess-rating.js';

/**
 * The starting rating of a question nobody has answered yet, from its corpus level 1–5:
 * 900/1200/1500/1800/2100 (1500 at the middle level, one Lichess difficulty step, 300, per level).
 * This prior is the bot's own choice, not a published figure; the RD of 500 (Lichess's start) lets
 * the first answers move it quickly to where players put it.
 */
export function questionPrior(difficulty: number): RatingState {
  const level = Math.min(5, Math.max(1, Math.round(difficulty)));
  return {
    rating: LICHESS_GLICKO.startRating + (level - 3) * 300,
    rd: LICHESS_GLICKO.startRd,
    volatility: LICHESS_GLICKO.startVolatility,
    games: 0,
  };
}
