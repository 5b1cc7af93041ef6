import { describe, expect, it } from 'vitest';
import type { AnswerRecord, PlayerRecord, QuizRecord } from '../ports/store-quiz.js';
import { scoreProgression } from './score-progression.js';

const quiz = { id: 'q1', round: 3 } as QuizRecord;
const player = (userId: string, name: string, score: number): PlayerRecord =>
  ({ userId, name, team: null, score, correct: 0 }) as PlayerRecord;
const answer = (round: number, userId: string, points: number | null): AnswerRecord => ({
  round,
  userId,
  answer: '0',
  answeredAt: 0,
  credit: points === null ? null : points > 0 ? 1 : 0,
  points,
});

/** A store holding the answers of each round, as `listAnswers` returns them. */
function storeWith(rounds: AnswerRecord[][]) {
  return { listAnswers: async (_quizId: string, round: number) => rounds[round - 1] ?? [] };
}

describe('scoreProgression', () => {
  it('adds each round’s stored points (speed + streak bonus) into running totals for the leaders', async () => {
    // Kahoot scoring with streak bonus: Ada 950, 900 + 100, 800 + 200 → 950, 1,950, 2,950.
    const store = storeWith([
      [answer(1, 'ada', 950), answer(1, 'bob', 0)],
      [answer(2, 'ada', 1000), answer(2, 'bob', 700)],
      [answer(3, 'ada', 1000)],
    ]);
    const chart = await scoreProgression(store, quiz, [
      player('bob', 'Bob', 700),
      player('ada', 'Ada', 2950),
    ]);
    expect(chart).toEqual({
      kind: 'line',
      title: 'Score after each round',
      x: { label: 'Round', unit: '' },
      y: { label: 'Score', unit: 'points' },
      series: [
        {
          name: 'Ada',
          points: [
            [0, 0],
            [1, 950],
            [2, 1950],
            [3, 2950],
          ],
        },
        {
          name: 'Bob',
          points: [
            [0, 0],
            [1, 0],
            [2, 700],
            [3, 700],
          ],
        },
      ],
    });
  });

  it('leaves out a round that was never scored, and gives nothing when none was', async () => {
    const stopped = storeWith([[answer(1, 'ada', 500)], [answer(2, 'ada', 0)], [answer(3, 'ada', null)]]);
    const chart = await scoreProgression(stopped, quiz, [player('ada', 'Ada', 500)]);
    expect(chart?.series[0]?.points).toEqual([
      [0, 0],
      [1, 500],
      [2, 500],
    ]);
    expect(
      await scoreProgression(storeWith([[answer(1, 'ada', null)]]), { ...quiz, round: 1 }, [
        player('ada', 'Ada', 0),
      ]),
    ).toBeUndefined();
  });
});
