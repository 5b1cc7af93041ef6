import type { PlayerRecord, QuizRecord, QuizStore } from '../ports/store-quiz.js';
import type { LineChartSpec } from '../reply/chart.js';
import { playerStandings } from './standings.js';

/** Players drawn in the chart: the podium's size, so the lines stay readable. */
export const PROGRESSION_PLAYERS = 5;

/**
 * The score of the leading players after each scored round, as a line chart: points include speed
 * and streak bonus as stored with each answer, so the last point of each line is the player's total.
 * Rounds not scored (a quiz stopped mid-round) are left out. `undefined` when no round was scored.
 */
export async function scoreProgression(
  store: Pick<QuizStore, 'listAnswers'>,
  quiz: QuizRecord,
  players: readonly PlayerRecord[],
): Promise<LineChartSpec | undefined> {
  const leaders = playerStandings(players).slice(0, PROGRESSION_PLAYERS);
  if (leaders.length === 0) return undefined;
  const totals = new Map(leaders.map((leader) => [leader.userId, 0]));
  const points = new Map(leaders.map((leader) => [leader.userId, [[0, 0]] as [number, number][]]));
  for (let round = 1; round <= quiz.round; round++) {
    const answers = await store.listAnswers(quiz.id, round);
    if (!answers.some((answer) => answer.points !== null)) continue;
    const byUser = new Map(answers.map((answer) => [answer.userId, answer.points ?? 0]));
    for (const [userId, total] of totals) {
      const next = total + (byUser.get(userId) ?? 0);
      totals.set(userId, next);
      points.get(userId)!.push([round, next]);
    }
  }
  if (points.get(leaders[0]!.userId)!.length === 1) return undefined;
  return {
    kind: 'line',
    title: 'Score after each round',
    x: { label: 'Round', unit: '' },
    y: { label: 'Score', unit: 'points' },
    series: leaders.map((leader) => ({ name: leader.name, points: points.get(leader.userId)! })),
  };
}
