import { UserError } from '@mlsys/errors';

/**
 * Lichess's puzzle difficulty choices: the target question rating is the player's rating shifted by
 * −600/−300/0/+300/+600. Source: shared/reference/quiz-and-platforms.md ("Difficulty picker shifts the
 * target puzzle rating by −600/−300/0/+300/+600 around the user's rating").
 */
export const DIFFICULTY_SHIFTS = {
  easiest: -600,
  easier: -300,
  normal: 0,
  harder: 300,
  hardest: 600,
} as const;

/** A relative difficulty choice. */
export type RelativeDifficulty = keyof typeof DIFFICULTY_SHIFTS;

/** The choice names, easiest first. */
export const RELATIVE_DIFFICULTIES = Object.keys(DIFFICULTY_SHIFTS) as RelativeDifficulty[];

/**
 * Reads a relative difficulty name.
 *
 * @throws UserError `ratings/bad-level` for anything else.
 */
export function parseRelativeDifficulty(raw: string): RelativeDifficulty {
  const text = raw.trim().toLowerCase();
  if (text in DIFFICULTY_SHIFTS) return text as RelativeDifficulty;
  throw new UserError(
    'ratings/bad-level',
    `"${raw}" is not a level: use ${RELATIVE_DIFFICULTIES.join(', ')}.`,
    {
      example: 'level=harder',
    },
  );
}

/** The question rating to aim for, Glicko points. */
export function targetRating(playerRating: number, level: RelativeDifficulty): number {
  return playerRating + DIFFICULTY_SHIFTS[level];
}

/**
 * Orders candidates by closeness of their rating to the target (ties keep the given order, so a
 * shuffled list gives a random pick among equals). Unrated candidates should come in at 1500.
 */
export function closestToTarget<T>(
  candidates: readonly T[],
  ratingOf: (item: T) => number,
  target: number,
): T[] {
  return candidates
    .map((item, index) => ({ item, index, distance: Math.abs(ratingOf(item) - target) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map((entry) => entry.item);
}

/**
 * A team's rating: the mean of its members' ratings, the same averaging the quiz uses for team scores
 * (shared/reference/quiz-and-platforms.md: "the team's score is the average of its members' scores").
 *
 * @returns `undefined` for an empty team.
 */
export function teamRating(memberRatings: readonly number[]): number | undefined {
  if (memberRatings.length === 0) return undefined;
  return memberRatings.reduce((a, b) => a + b, 0) / memberRatings.length;
}
