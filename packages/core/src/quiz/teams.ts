import type { PlayerRecord } from '../ports/store-quiz.js';

/** Team names by number (1-based), like Kahoot's coloured answer shapes. */
export const TEAM_NAMES = ['Red', 'Blue', 'Green', 'Yellow'] as const;

/** The name of team `team` (1-based). */
export function teamName(team: number): string {
  return TEAM_NAMES[team - 1] ?? `Team ${team}`;
}

/**
 * Assigns teams 1…`teams` so that sizes differ by at most one and rating sums stay close: players
 * are taken strongest first and each goes to the smallest team, the one with the lowest rating sum
 * among equals (then the lowest number). Players in `keep` (chosen teams) stay where they are and
 * count towards sizes and sums.
 *
 * @param teams 2…4; fewer players than teams leave the extra teams empty.
 * @returns team by user id for every player.
 */
export function balanceTeams(
  players: readonly Pick<PlayerRecord, 'userId' | 'rating' | 'team'>[],
  teams: number,
  keep: 'none' | 'chosen' = 'none',
): Map<string, number> {
  const size = Array.from({ length: teams }, () => 0);
  const sum = Array.from({ length: teams }, () => 0);
  const assigned = new Map<string, number>();
  const free: Pick<PlayerRecord, 'userId' | 'rating' | 'team'>[] = [];
  for (const player of players) {
    const chosen = player.team;
    if (keep === 'chosen' && chosen !== null && chosen >= 1 && chosen <= teams) {
      assigned.set(player.userId, chosen);
      size[chosen - 1]! += 1;
      sum[chosen - 1]! += player.rating;
    } else free.push(player);
  }
  const strongestFirst = [...free].sort((a, b) => b.rating - a.rating || (a.userId < b.userId ? -1 : 1));
  for (const player of strongestFirst) {
    let best = 0;
    for (let t = 1; t < teams; t++) {
      if (size[t]! < size[best]! || (size[t] === size[best] && sum[t]! < sum[best]!)) best = t;
    }
    size[best]! += 1;
    sum[best]! += player.rating;
    assigned.set(player.userId, best + 1);
  }
  return assigned;
}
