import type { QuizRecord } from '../../ports/store-quiz.js';
import type { Block } from '../../reply/reply.js';
import type { Standing, TeamStanding } from '../standings.js';

/** Letters shown next to choices. */
export const CHOICE_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** The letter of choice `index` (0-based). */
export const letter = (index: number) => CHOICE_LETTERS[index] ?? String(index + 1);

/** Points with thousands separators: `3,420`. */
export const points = (n: number) => Math.round(n).toLocaleString('en-US');

/** Milliseconds as seconds with one decimal: `1.2 s`. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** "Round 2 of 5". */
export const roundOf = (quiz: QuizRecord, round = quiz.round) => `Round ${round} of ${quiz.settings.rounds}`;

/** One line describing how a quiz is played. */
export function describeSettings(quiz: QuizRecord): string {
  const s = quiz.settings;
  const topics = s.topics.length === 0 ? 'any topic' : s.topics.join(', ');
  const level =
    s.difficulty.min === s.difficulty.max ? `${s.difficulty.min}` : `${s.difficulty.min}–${s.difficulty.max}`;
  const mode =
    s.teams === 0
      ? 'free-for-all'
      : `${s.teams} teams (${s.teamPick === 'auto' ? 'balanced by rating' : 'pick or be balanced'})`;
  const scoring = [
    s.speedScoring ? 'speed points' : '1000 per right answer',
    s.streakBonus ? 'streak bonus' : 'no streak bonus',
  ];
  return `${s.rounds} rounds · ${topics} · difficulty ${level} · ${seconds(s.roundMs).replace('.0', '')} per round · ${mode} · ${scoring.join(', ')}`;
}

/** A scoreboard table of the top `limit` players, with a team column in team mode. */
export function scoreboardBlock(
  standings: readonly Standing[],
  withTeams: boolean,
  teamNameOf: (t: number) => string,
  limit = 10,
): Block {
  const columns = [
    { title: '#', align: 'right' as const },
    { title: 'Player' },
    ...(withTeams ? [{ title: 'Team' }] : []),
    { title: 'Points', align: 'right' as const },
  ];
  const rows = standings
    .slice(0, limit)
    .map((s) => [
      String(s.rank),
      s.name,
      ...(withTeams ? [s.team === null ? '—' : teamNameOf(s.team)] : []),
      points(s.score),
    ]);
  return { type: 'table', columns, rows };
}

/** A table of team averages. */
export function teamTableBlock(teams: readonly TeamStanding[]): Block {
  return {
    type: 'table',
    columns: [
      { title: '#', align: 'right' },
      { title: 'Team' },
      { title: 'Players', align: 'right' },
      { title: 'Average', align: 'right' },
    ],
    rows: teams.map((t) => [String(t.rank), t.name, String(t.members), points(t.score)]),
  };
}
