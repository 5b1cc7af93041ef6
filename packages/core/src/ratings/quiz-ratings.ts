import type { QuizQuestion } from '../ports/question-source.js';
import type { Store } from '../ports/store.js';
import type { PlayerRecord, QuizRecord } from '../ports/store-quiz.js';
import type { PlayerRoundResult } from '../quiz/score-round.js';
import { recordReview } from '../review/review-answer.js';
import { teamRating } from './difficulty-picker.js';
import { rateAttempt } from './rate-attempt.js';

/** A player's overall rating when they joined the quiz and now. */
export interface QuizRatingChange {
  userId: string;
  name: string;
  before: number;
  after: number;
}

/** A team's rating: the mean of its members' ratings when they joined. */
export interface QuizTeamRating {
  team: number;
  rating: number;
}

/**
 * Rates a closed round: every player who answered played one game against the question (first
 * attempts only; a question met before changes nothing), and opted-in players' review decks see the
 * result (slow right answers grade Hard). Failures are reported, not thrown: a round's scores stand
 * whatever happens to ratings.
 */
export async function rateQuizRound(
  store: Store,
  quiz: QuizRecord,
  question: QuizQuestion,
  results: readonly PlayerRoundResult[],
  openedAt: number,
  onError?: (message: string, fields: Record<string, unknown>) => void,
): Promise<void> {
  for (const r of results) {
    if (r.answer === null || r.elapsedMs === null) continue;
    try {
      const at = openedAt + r.elapsedMs;
      const user = { platform: quiz.platform, userId: r.userId };
      await rateAttempt(store, { ...user, question, credit: r.credit, at, via: 'quiz' });
      await recordReview(store, {
        ...user,
        questionId: question.id,
        credit: r.credit,
        at,
        elapsedMs: r.elapsedMs,
        allowedMs: quiz.settings.roundMs,
      });
    } catch (error) {
      onError?.('quiz: rating an answer failed', { quiz: quiz.id, user: r.userId, error });
    }
  }
}

/** Each player's overall rating change since joining (the rating the quiz recorded at join). */
export async function quizRatingChanges(
  store: Store,
  quiz: QuizRecord,
  players: readonly PlayerRecord[],
): Promise<QuizRatingChange[]> {
  const now = await store.ratings.get(
    players.map((p) => ({ kind: 'player' as const, platform: quiz.platform, userId: p.userId, topic: null })),
  );
  return players.map((p, i) => ({
    userId: p.userId,
    name: p.name,
    before: p.rating,
    after: now[i]?.rating ?? p.rating,
  }));
}

/** Team ratings (mean of the members' ratings at join), strongest first. */
export function quizTeamRatings(players: readonly PlayerRecord[]): QuizTeamRating[] {
  const byTeam = new Map<number, number[]>();
  for (const p of players) if (p.team !== null) byTeam.set(p.team, [...(byTeam.get(p.team) ?? []), p.rating]);
  return [...byTeam]
    .map(([team, ratings]) => ({ team, rating: teamRating(ratings)! }))
    .sort((a, b) => b.rating - a.rating || a.team - b.team);
}
