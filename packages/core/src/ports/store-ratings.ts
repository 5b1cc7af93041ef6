import type { Platform } from '../commands/invocation.js';
import type { RatingState } from '../ratings/lichess-rating.js';

/**
 * What a rating belongs to: a player overall (`topic: null`, the rating quizzes balance teams by) or in
 * one topic, or a question (its id; a parametric family's id without the seed).
 */
export type RatingSubject =
  | { kind: 'player'; platform: Platform; userId: string; topic: string | null }
  | { kind: 'question'; questionKey: string };

/** A stored Glicko-2 state. */
export interface StoredRating extends RatingState {
  updatedAt: number;
}

/** A new state for a subject, written only if the stored one still has `expectedGames` games (0: none stored). */
export interface RatingUpdate {
  subject: RatingSubject;
  expectedGames: number;
  next: StoredRating;
}

/** A first attempt at a question: the one that counts as a rated game. */
export interface AttemptRecord {
  platform: Platform;
  userId: string;
  questionId: string;
  topic: string;
  /** 1, 0.5 or 0. */
  credit: number;
  at: number;
  /** Where it was answered: `daily`, `question`, `quiz`. */
  via: string;
}

/** Attempts and full-credit answers of a user in one topic. */
export interface TopicAccuracy {
  topic: string;
  attempts: number;
  correct: number;
}

/**
 * Ratings (players per topic and overall, questions) and first attempts. Updates are compare-and-set
 * on the game count, all or nothing, so two games rated at once never lose one.
 */
export interface RatingStore {
  /** Stored states in the order asked; `undefined` for subjects never rated. */
  get(subjects: readonly RatingSubject[]): Promise<(StoredRating | undefined)[]>;
  /** Writes every update or none; false when any subject moved since it was read. */
  put(updates: readonly RatingUpdate[]): Promise<boolean>;
  /** A player's topic ratings (overall excluded), highest first. */
  playerTopics(platform: Platform, userId: string): Promise<(StoredRating & { topic: string })[]>;
  /** Top players overall (topic null) or in a topic, by rating; `userIds` limits to those users. */
  topPlayers(
    platform: Platform,
    topic: string | null,
    limit: number,
    userIds?: readonly string[],
  ): Promise<(StoredRating & { userId: string })[]>;
  /** Records a first attempt; false (and nothing written) when the user had already attempted it. */
  recordAttempt(attempt: AttemptRecord): Promise<boolean>;
  /** Ids of questions the user attempted, newest first. */
  attemptedIds(platform: Platform, userId: string, limit: number): Promise<string[]>;
  accuracy(platform: Platform, userId: string): Promise<TopicAccuracy[]>;
}
