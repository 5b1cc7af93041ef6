/**
 * Kahoot-style points. Source: shared/reference/quiz-and-platforms.md, "Kahoot speed scoring".
 */

/** Points for a correct answer at the start of the timer. */
export const FULL_POINTS = 1000;

/** Answers faster than this earn the full {@link FULL_POINTS}, ms. */
export const FULL_POINTS_WITHIN_MS = 500;

/** Streak bonus per consecutive correct answer from the 2nd, in points (Kahoot; quiz-and-platforms.md). */
export const STREAK_STEP = 100;
/** Most streak bonus one answer can earn, in points (Kahoot; quiz-and-platforms.md). */
export const STREAK_CAP = 500;

/**
 * Points for a correct answer given `elapsedMs` after the round opened with a `timerMs` timer:
 * `round((1 − (t/T)/2) · 1000)`, the full 1000 under 0.5 s, so 500…1000. With speed scoring off every
 * correct answer earns 1000.
 *
 * @example speedPoints(10_000, 20_000) // 750
 */
export function speedPoints(elapsedMs: number, timerMs: number, speedScoring = true): number {
  if (!speedScoring || elapsedMs < FULL_POINTS_WITHIN_MS) return FULL_POINTS;
  const fraction = Math.min(1, Math.max(0, elapsedMs / timerMs));
  return Math.round((1 - fraction / 2) * FULL_POINTS);
}

/**
 * Bonus for the `streak`-th consecutive correct answer (this one included): +100 from the 2nd, +200
 * for the 3rd, … capped at +500. A miss resets the streak.
 *
 * @example [1, 2, 3, 7].map(streakBonus) // [0, 100, 200, 500]
 */
export function streakBonus(streak: number): number {
  return Math.min(STREAK_CAP, Math.max(0, streak - 1) * STREAK_STEP);
}
