import { parseDifficulty, parseTopic } from '@mlsys/corpus';
import { UserError } from '@mlsys/errors';

/** Reads `kv-cache,moe` (or `any`) into topic ids; `[]` means any topic. */
export function parseTopics(raw: string): string[] {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'any' || text === 'all') return [];
  return [...new Set(text.split(/[,+]/).map((part) => parseTopic(part)))];
}

/** Reads `3`, `hard`, `2-4`, `easy-hard` or `warm-up..medium` into an inclusive range of levels 1…5. */
export function parseDifficultyRange(raw: string): { min: number; max: number } {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/\s*(\.\.|\bto\b)\s*/, '-');
  const level = (part: string) => {
    try {
      return parseDifficulty(part);
    } catch {
      return undefined;
    }
  };
  const single = level(text);
  if (single !== undefined) return { min: single, max: single };
  // Names may hold a dash themselves (warm-up, staff-level): try every dash as the separator.
  for (let i = text.indexOf('-'); i > 0; i = text.indexOf('-', i + 1)) {
    const min = level(text.slice(0, i));
    const max = level(text.slice(i + 1));
    if (min === undefined || max === undefined) continue;
    if (min > max) {
      throw new UserError('quiz/bad-difficulty', `The range ${raw} is empty: put the easier level first.`, {
        example: '2-4',
      });
    }
    return { min, max };
  }
  throw new UserError(
    'quiz/bad-difficulty',
    `"${raw}" is not a difficulty: use a level 1 to 5, a name (warm-up, easy, medium, hard, staff-level) or a range like 2-4.`,
    { example: '2-4' },
  );
}

/** A parser of whole numbers within `[min, max]`. */
export function parseIntIn(min: number, max: number, what: string, example: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new UserError('quiz/bad-number', `${what} must be a whole number from ${min} to ${max}.`, {
        example,
      });
    }
    return value;
  };
}

/** Reads `on`/`off` (also yes/no, true/false). */
export function parseSwitch(raw: string): boolean {
  const text = raw.trim().toLowerCase();
  if (['on', 'yes', 'true', '1'].includes(text)) return true;
  if (['off', 'no', 'false', '0'].includes(text)) return false;
  throw new UserError('quiz/bad-switch', `"${raw}" is not on or off.`, { example: 'streak=off' });
}
