import { describe, expect, it } from 'vitest';
import type { AnswerRecord, PlayerRecord } from '../ports/store-quiz.js';
import { SAMPLE_QUESTIONS } from '../testing/sample-questions.js';
import { scoreRound } from './score-round.js';

const single = SAMPLE_QUESTIONS[0]!; // choice 0 is right
const numeric = SAMPLE_QUESTIONS[1]!; // 128 KiB, ±2 % full, ±10 % half
const settings = { roundMs: 20_000, speedScoring: true, streakBonus: true };
const player = (userId: string, streak = 0, score = 0): PlayerRecord => ({
  userId,
  name: userId,
  team: null,
  rating: 1500,
  joinedAt: 0,
  leftAt: null,
  score,
  streak,
  correct: streak,
});
const answer = (userId: string, value: string, elapsedMs: number): AnswerRecord => ({
  round: 1,
  userId,
  answer: value,
  answeredAt: 1_000_000 + elapsedMs,
  credit: null,
  points: null,
});

describe('scoreRound', () => {
  it('scores the worked examples of Kahoot scoring', () => {
    const outcome = scoreRound({
      question: single,
      round: 1,
      openedAt: 1_000_000,
      settings,
      players: [player('fast'), player('half'), player('wrong', 4), player('silent', 2)],
      answers: [answer('fast', '0', 400), answer('half', '0', 10_000), answer('wrong', '2', 100)],
    });
    expect(outcome.results.map((r) => [r.userId, r.credit, r.points, r.bonus])).toEqual([
      ['fast', 1, 1000, 0], // t = 0.4 s of 20 s: full 1000
      ['half', 1, 750, 0], // t = 10 s of 20 s: 750
      ['wrong', 0, 0, 0],
      ['silent', 0, 0, 0],
    ]);
    expect(outcome.players).toEqual([
      { userId: 'fast', score: 1000, streak: 1, correct: 1 },
      { userId: 'half', score: 750, streak: 1, correct: 1 },
      { userId: 'wrong', score: 0, streak: 0, correct: 4 }, // a miss resets the streak
      { userId: 'silent', score: 0, streak: 0, correct: 2 },
    ]);
    expect(outcome.fastest?.userId).toBe('fast');
    expect([outcome.answered, outcome.correct]).toEqual([3, 2]);
    expect(outcome.answers).toEqual([
      { round: 1, userId: 'fast', credit: 1, points: 1000 },
      { round: 1, userId: 'half', credit: 1, points: 750 },
      { round: 1, userId: 'wrong', credit: 0, points: 0 },
    ]);
  });

  it('adds +100 on the 2nd and +200 on the 3rd correct answer in a row', () => {
    let p = player('ada');
    const earned: number[] = [];
    for (let round = 1; round <= 3; round++) {
      const outcome = scoreRound({
        question: single,
        round,
        openedAt: 0,
        settings,
        players: [p],
        answers: [{ ...answer('ada', '0', 0), answeredAt: 200, round }],
      });
      earned.push(outcome.results[0]!.bonus);
      p = { ...p, ...outcome.players[0]! };
    }
    expect(earned).toEqual([0, 100, 200]);
    expect(p.score).toBe(3300);
  });

  it('gives no bonus with the streak bonus off, and 1000 per answer with speed scoring off', () => {
    const outcome = scoreRound({
      question: single,
      round: 1,
      openedAt: 0,
      settings: { roundMs: 20_000, speedScoring: false, streakBonus: false },
      players: [player('ada', 5)],
      answers: [{ ...answer('ada', '0', 0), answeredAt: 19_000 }],
    });
    expect(outcome.results[0]).toMatchObject({ points: 1000, bonus: 0 });
    expect(outcome.players[0]?.streak).toBe(6);
  });

  it('gives half credit within the partial band, without streak', () => {
    const outcome = scoreRound({
      question: numeric,
      round: 1,
      openedAt: 0,
      settings,
      players: [player('near', 3), player('exact', 3)],
      answers: [
        { ...answer('near', '137', 0), answeredAt: 10_000 },
        { ...answer('exact', '128', 0), answeredAt: 10_000 },
      ],
    });
    // near: round(0.5 · 750) = 375, streak reset; exact: 750 + bonus for a 4th in a row (+300).
    expect(outcome.results.map((r) => [r.credit, r.points])).toEqual([
      [0.5, 375],
      [1, 1050],
    ]);
    expect(outcome.players.map((p) => p.streak)).toEqual([0, 4]);
  });
});
