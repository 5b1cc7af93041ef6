import type { PlayerRecord } from '../ports/store-quiz.js';
import { teamName } from './teams.js';

/** A player's place on the scoreboard. */
export interface Standing {
  /** 1-based; players with equal scores share a rank (1, 1, 3). */
  rank: number;
  userId: string;
  name: string;
  team: number | null;
  score: number;
  correct: number;
  streak: number;
}

/** A team's result: the AVERAGE of its members' scores, so a bigger team does not win by size. */
export interface TeamStanding {
  rank: number;
  team: number;
  name: string;
  members: number;
  /** Mean member score, rounded to a whole point. */
  score: number;
}

/** Players by score (then full-credit answers, then name), with shared ranks for ties. */
export function playerStandings(players: readonly PlayerRecord[]): Standing[] {
  const sorted = [...players].sort(
    (a, b) => b.score - a.score || b.correct - a.correct || a.name.localeCompare(b.name),
  );
  return withRanks(sorted, (p) => p.score).map(({ rank, item: p }) => ({
    rank,
    userId: p.userId,
    name: p.name,
    team: p.team,
    score: p.score,
    correct: p.correct,
    streak: p.streak,
  }));
}

/**
 * Teams by average member score. Source of the averaging rule: shared/reference/quiz-and-platforms.md
 * ("Team mode: the team's score is the average of its members' scores"). Empty teams are left out.
 */
export function teamStandings(players: readonly PlayerRecord[]): TeamStanding[] {
  const byTeam = new Map<number, number[]>();
  for (const p of players) {
    if (p.team === null) continue;
    byTeam.set(p.team, [...(byTeam.get(p.team) ?? []), p.score]);
  }
  const teams = [...byTeam]
    .map(([team, scores]) => ({
      team,
      name: teamName(team),
      members: scores.length,
      score: Math.round(scores.reduce((a, b) => a + b, 0) / scores.length),
    }))
    .sort((a, b) => b.score - a.score || a.team - b.team);
  return withRanks(teams, (t) => t.score).map(({ rank, item }) => ({ rank, ...item }));
}

function withRanks<T>(sorted: readonly T[], score: (item: T) => number): { rank: number; item: T }[] {
  let rank = 0;
  return sorted.map((item, i) => {
    if (i === 0 || score(item) !== score(sorted[i - 1]!)) rank = i + 1;
    return { rank, item };
  });
}
