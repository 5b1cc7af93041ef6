import type { Platform } from '../commands/invocation.js';
import type { Store } from '../ports/store.js';
import { questionKeyOf } from '../questions/question-lookup.js';
import { newCard, reviewCard, reviewGrade, type StoredCard } from './fsrs-cards.js';

/** An answer as review sees it. */
export interface ReviewInput {
  platform: Platform;
  userId: string;
  questionId: string;
  credit: number;
  at: number;
  elapsedMs?: number;
  allowedMs?: number;
}

/** What happened to the user's review deck. */
export type ReviewOutcome =
  | { kind: 'off' }
  | { kind: 'skipped' }
  | { kind: 'scheduled'; due: number; created: boolean };

/**
 * Feeds an answer to the user's review deck, if they opted in: a miss (less than full credit) of a
 * question not in the deck adds it; an answer to a question in the deck reviews its card with the
 * FSRS grade of the result. Right answers to questions outside the deck change nothing.
 */
export async function recordReview(store: Store, input: ReviewInput): Promise<ReviewOutcome> {
  const { platform, userId, at } = input;
  if (!(await store.review.isOptedIn(platform, userId))) return { kind: 'off' };
  const key = questionKeyOf(input.questionId);
  const existing = await store.review.getCard(platform, userId, key);
  if (!existing && input.credit >= 1) return { kind: 'skipped' };
  const start = existing ? (existing.card as unknown as StoredCard) : newCard(at);
  const card = reviewCard(start, at, reviewGrade(input.credit, input.elapsedMs, input.allowedMs));
  await store.review.putCard({
    platform,
    userId,
    questionKey: key,
    due: card.due,
    card: card as unknown as Record<string, unknown>,
    updatedAt: at,
  });
  return { kind: 'scheduled', due: card.due, created: !existing };
}
