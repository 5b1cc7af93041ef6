import type { Platform } from '../commands/invocation.js';
import type { Store } from '../ports/store.js';
import type { RatingSubject, StoredRating } from '../ports/store-ratings.js';
import { questionKeyOf } from '../questions/question-lookup.js';
import { NEW_RATING, type RatingState, rateGame } from './lichess-rating.js';
import { questionPrior } from './question-prior.js';

/** An answer to rate: who, which question (id, topic, corpus level), the credit, where and when. */
export interface AttemptInput {
  platform: Platform;
  userId: string;
  question: { id: string; topic: string; difficulty: number };
  /** 1, 0.5 or 0. */
  credit: number;
  at: number;
  /** `daily`, `question`, `quiz`, `review`. */
  via: string;
}

/** What an attempt did to the player's ratings; `rated: false` for a replay (no change). */
export type AttemptOutcome =
  | { rated: false }
  | {
      rated: true;
      overall: { before: number; after: number };
      topic: { before: number; after: number };
    };

/** Attempts at writing before giving up: each retry means another game of the same player landed first. */
const MAX_TRIES = 8;

/**
 * Records an answer and, when it is the user's FIRST attempt at the question, rates it as one game
 * between player and question (Lichess puzzles: "every first attempt is one game between the user and
 * the puzzle … Replays do not change ratings"): the player's topic rating and overall rating against
 * the question, and the question against the player's topic rating. The three writes are one
 * compare-and-set, retried when another game moved one of them first.
 *
 * @throws Error when the writes keep losing races (not expected in practice).
 */
export async function rateAttempt(store: Store, input: AttemptInput): Promise<AttemptOutcome> {
  const { platform, userId, question, credit, at } = input;
  const first = await store.ratings.recordAttempt({
    platform,
    userId,
    questionId: question.id,
    topic: question.topic,
    credit,
    at,
    via: input.via,
  });
  if (!first) return { rated: false };
  const subjects: RatingSubject[] = [
    { kind: 'player', platform, userId, topic: null },
    { kind: 'player', platform, userId, topic: question.topic },
    { kind: 'question', questionKey: questionKeyOf(question.id) },
  ];
  for (let i = 0; i < MAX_TRIES; i++) {
    const [overall, topic, asked] = await store.ratings.get(subjects);
    const o = overall ?? NEW_RATING;
    const t = topic ?? NEW_RATING;
    const q = asked ?? questionPrior(question.difficulty);
    const next = [rateGame(o, q, credit), rateGame(t, q, credit), rateGame(q, t, 1 - credit)];
    const stamped = (s: RatingState): StoredRating => ({ ...s, updatedAt: at });
    const ok = await store.ratings.put(
      subjects.map((subject, k) => ({
        subject,
        expectedGames: [overall, topic, asked][k]?.games ?? 0,
        next: stamped(next[k]!),
      })),
    );
    if (ok) {
      return {
        rated: true,
        overall: { before: o.rating, after: next[0]!.rating },
        topic: { before: t.rating, after: next[1]!.rating },
      };
    }
  }
  throw new Error(`ratings: could not rate ${userId}'s attempt at ${question.id} after ${MAX_TRIES} tries`);
}
