import type { QuizQuestion } from '../ports/question-source.js';
import type { AnswerRecord, PlayerRecord, QuizChange } from '../ports/store-quiz.js';
import { type Credit, gradeAnswer } from './grade-answer.js';
import type { QuizSettings } from './quiz-settings.js';
import { speedPoints, streakBonus } from './scoring.js';

/** How one player did in one round. */
export interface PlayerRoundResult {
  userId: string;
  name: string;
  /** The submitted answer, or null when they did not answer. */
  answer: string | null;
  credit: Credit;
  /** Time from the round opening to the answer, ms; null without an answer. */
  elapsedMs: number | null;
  /** Speed points times credit, plus the streak bonus. */
  points: number;
  bonus: number;
}

/** A scored round: what to write and what to show. */
export interface RoundOutcome {
  results: PlayerRoundResult[];
  /** The fastest full-credit answer. */
  fastest: PlayerRoundResult | undefined;
  answered: number;
  correct: number;
  /** Writes for the store: answer scores and new player totals. */
  answers: NonNullable<QuizChange['answers']>;
  players: NonNullable<QuizChange['players']>;
}

/**
 * Scores one round from the stored answers and the players' state before it. Points for an answer
 * with credit c (1, or 0.5 for a numeric answer within the partial tolerance) answered t ms after
 * opening: `round(c · speedPoints(t, T))`; only full credit extends the streak (a partial or wrong
 * answer, or none, resets it), and the streak bonus goes with full credit only.
 */
export function scoreRound(input: {
  question: QuizQuestion;
  round: number;
  openedAt: number;
  settings: Pick<QuizSettings, 'roundMs' | 'speedScoring' | 'streakBonus'>;
  players: readonly PlayerRecord[];
  answers: readonly AnswerRecord[];
}): RoundOutcome {
  const { question, round, openedAt, settings } = input;
  const byUser = new Map(input.answers.map((a) => [a.userId, a]));
  const results: PlayerRoundResult[] = [];
  const answers: RoundOutcome['answers'] = [];
  const players: RoundOutcome['players'] = [];
  for (const player of input.players) {
    const answer = byUser.get(player.userId);
    const credit: Credit = answer ? gradeAnswer(question, answer.answer) : 0;
    const elapsedMs = answer ? Math.max(0, answer.answeredAt - openedAt) : null;
    const streak = credit === 1 ? player.streak + 1 : 0;
    const base =
      credit > 0 && elapsedMs !== null
        ? Math.round(credit * speedPoints(elapsedMs, settings.roundMs, settings.speedScoring))
        : 0;
    const bonus = credit === 1 && settings.streakBonus ? streakBonus(streak) : 0;
    const points = base + bonus;
    results.push({
      userId: player.userId,
      name: player.name,
      answer: answer?.answer ?? null,
      credit,
      elapsedMs,
      points,
      bonus,
    });
    if (answer) answers.push({ round, userId: player.userId, credit, points });
    players.push({
      userId: player.userId,
      score: player.score + points,
      streak,
      correct: player.correct + (credit === 1 ? 1 : 0),
    });
  }
  const fastest = results
    .filter((r) => r.credit === 1 && r.elapsedMs !== null)
    .sort((a, b) => a.elapsedMs! - b.elapsedMs! || a.name.localeCompare(b.name))[0];
  return {
    results,
    fastest,
    answered: answers.length,
    correct: results.filter((r) => r.credit === 1).length,
    answers,
    players,
  };
}
