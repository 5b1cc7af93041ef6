import { describe, expect, it } from 'vitest';
import { closestToTarget, parseRelativeDifficulty, targetRating, teamRating } from './difficulty-picker.js';

describe('difficulty picker', () => {
  it.each([
    // Lichess puzzle difficulty shifts (shared/reference/quiz-and-platforms.md).
    ['easiest', 1200],
    ['easier', 1500],
    ['normal', 1800],
    ['harder', 2100],
    ['hardest', 2400],
  ] as const)('%s aims at %d for a 1800 player', (level, target) => {
    expect(targetRating(1800, parseRelativeDifficulty(level))).toBe(target);
  });

  it('rejects unknown levels with the list', () => {
    expect(() => parseRelativeDifficulty('brutal')).toThrow(/easiest, easier, normal, harder, hardest/);
  });

  it('orders questions by closeness to the target, keeping ties (a and d, both 500 away) in order', () => {
    const qs = [
      { id: 'a', r: 1000 },
      { id: 'b', r: 1600 },
      { id: 'c', r: 1400 },
      { id: 'd', r: 2000 },
    ];
    expect(closestToTarget(qs, (q) => q.r, 1500).map((q) => q.id)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('rates a team as the mean of its members', () => {
    expect(teamRating([1400, 1600, 1800])).toBe(1600);
    expect(teamRating([])).toBeUndefined();
  });
});
