import { type Card, createEmptyCard, fsrs, type Grade, Rating, State } from 'ts-fsrs';

/**
 * Spaced repetition with FSRS through `ts-fsrs` (default parameters: target retention 0.9, no fuzz),
 * as shared/reference/quiz-and-platforms.md describes: `fsrs()`, `createEmptyCard(now)`,
 * `f.next(card, now, Rating.X)`.
 *
 * @module
 */

const scheduler = fsrs();

/** A card as stored: ts-fsrs's `Card` with its dates as epoch ms. */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: number | null;
}

/** Past this share of the time allowed, a right answer counts as slow (Kahoot gives half points there). */
export const SLOW_FRACTION = 0.5;

/**
 * The FSRS grade of a result (the mapping is the app's choice; this is the one the reference suggests):
 * wrong → Again, half credit → Hard, right but slow (over half the time allowed) → Hard, right → Good.
 *
 * @param elapsedMs How long the answer took, when there was a timer.
 * @param allowedMs The timer, when there was one.
 */
export function reviewGrade(credit: number, elapsedMs?: number, allowedMs?: number): Grade {
  if (credit <= 0) return Rating.Again;
  if (credit < 1) return Rating.Hard;
  if (
    elapsedMs !== undefined &&
    allowedMs !== undefined &&
    allowedMs > 0 &&
    elapsedMs > SLOW_FRACTION * allowedMs
  ) {
    return Rating.Hard;
  }
  return Rating.Good;
}

/** A new card, due now. */
export function newCard(now: number): StoredCard {
  return toStored(createEmptyCard(new Date(now)));
}

/** The card after a review graded `grade` at `now`. */
export function reviewCard(card: StoredCard, now: number, grade: Grade): StoredCard {
  return toStored(scheduler.next(toCard(card), new Date(now), grade).card);
}

/** True while the card is new or being (re)learned (short steps, minutes apart). */
export function isLearning(card: StoredCard): boolean {
  return card.state === State.New || card.state === State.Learning || card.state === State.Relearning;
}

function toStored(card: Card): StoredCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review?.getTime() ?? null,
  };
}

function toCard(card: StoredCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    ...(card.last_review === null ? {} : { last_review: new Date(card.last_review) }),
  };
}
