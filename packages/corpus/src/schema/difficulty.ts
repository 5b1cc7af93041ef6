import { UserError } from '@mlsys/errors';

/** Difficulty levels 1 (warm-up) to 5 (staff-level), as CORPUS-FORMAT.md defines them. */
export const DIFFICULTIES = [
  { level: 1, name: 'warm-up' },
  { level: 2, name: 'easy' },
  { level: 3, name: 'medium' },
  { level: 4, name: 'hard' },
  { level: 5, name: 'staff-level' },
] as const;

/** A difficulty level, 1 (warm-up) to 5 (staff-level). */
export type Difficulty = (typeof DIFFICULTIES)[number]['level'];

/** The name of a difficulty level, e.g. `warm-up` for 1. */
export function difficultyName(level: Difficulty): string {
  return DIFFICULTIES[level - 1]!.name;
}

/**
 * Reads a difficulty typed by a user: a level `1`..`5` or its name (`warm-up`, `easy`, `medium`,
 * `hard`, `staff-level`, also `staff`).
 *
 * @throws UserError `corpus/bad-difficulty` for anything else.
 */
export function parseDifficulty(raw: string): Difficulty {
  const text = raw.trim().toLowerCase();
  const found = DIFFICULTIES.find(
    (entry) => String(entry.level) === text || entry.name === text || entry.name.split('-')[0] === text,
  );
  if (found) return found.level;
  throw new UserError('corpus/bad-difficulty', `"${raw}" is not a difficulty: use 1 to 5.`, {
    suggestions: DIFFICULTIES.map((entry) => `${entry.level} (${entry.name})`),
    example: '3',
  });
}
