import { type Glicko, glicko2Update } from './glicko2.js';

/**
 * Lichess's Glicko-2 settings for puzzles, which the bot uses for players and questions alike.
 * Source: shared/reference/quiz-and-platforms.md, "Lichess puzzles (Glicko-2 for players and for
 * puzzles)": start 1500, RD 500 (max), min RD 45, volatility 0.09 (max 0.1), tau 0.75, one game moves a
 * rating by at most 700.
 */
export const LICHESS_GLICKO = {
  startRating: 1500,
  startRd: 500,
  maxRd: 500,
  minRd: 45,
  startVolatility: 0.09,
  maxVolatility: 0.1,
  tau: 0.75,
  maxChangePerGame: 700,
} as const;

/** A Glicko-2 state together with how many rated games it rests on. */
export interface RatingState extends Glicko {
  games: number;
}

/** The state of someone (or a question) never rated: 1500 ± 500, σ 0.09, no games. */
export const NEW_RATING: RatingState = {
  rating: LICHESS_GLICKO.startRating,
  rd: LICHESS_GLICKO.startRd,
  volatility: LICHESS_GLICKO.startVolatility,
  games: 0,
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Rates ONE game (Lichess rates every puzzle attempt as its own period) with the Lichess constants:
 * the Glicko-2 update with τ = 0.75, then the change capped at ±700, RD kept within 45…500 and σ at
 * most 0.1.
 *
 * @param score 1 for a win (a right answer, from the player's side), 0.5 for half credit, 0 for a loss.
 */
export function rateGame(player: RatingState, opponent: Glicko, score: number): RatingState {
  const next = glicko2Update(player, [{ opponent, score }], LICHESS_GLICKO.tau);
  const cap = LICHESS_GLICKO.maxChangePerGame;
  return {
    rating: player.rating + clamp(next.rating - player.rating, -cap, cap),
    rd: clamp(next.rd, LICHESS_GLICKO.minRd, LICHESS_GLICKO.maxRd),
    volatility: Math.min(next.volatility, LICHESS_GLICKO.maxVolatility),
    games: player.games + 1,
  };
}

/**
 * One attempt as a game between a player and a question: the player scores `credit`, the question
 * 1 − `credit`; both are rated against the other's state before the game.
 */
export function rateAttempt(
  player: RatingState,
  question: RatingState,
  credit: number,
): { player: RatingState; question: RatingState } {
  return { player: rateGame(player, question, credit), question: rateGame(question, player, 1 - credit) };
}
