import type { Platform } from '../commands/invocation.js';

/** One question in a user's review deck: the FSRS card (ts-fsrs `Card`, dates as epoch ms). */
export interface ReviewCardRecord {
  platform: Platform;
  userId: string;
  /** The question id; a parametric family's id (without the seed), which comes back with new numbers. */
  questionKey: string;
  /** When it is next due (the card's `due`). */
  due: number;
  /** The ts-fsrs card as JSON-safe data. */
  card: Record<string, unknown>;
  updatedAt: number;
}

/**
 * Opt-in spaced repetition: whether a user wants it, and their cards. A user's cards are written by
 * their own answers only, so the last write wins.
 */
export interface ReviewStore {
  setOptIn(platform: Platform, userId: string, on: boolean, at: number): Promise<void>;
  isOptedIn(platform: Platform, userId: string): Promise<boolean>;
  putCard(card: ReviewCardRecord): Promise<void>;
  getCard(platform: Platform, userId: string, questionKey: string): Promise<ReviewCardRecord | undefined>;
  /** Cards due at `now`, most overdue first. */
  dueCards(platform: Platform, userId: string, now: number, limit: number): Promise<ReviewCardRecord[]>;
  /** How many cards the user has, and how many are due at `now`. */
  counts(platform: Platform, userId: string, now: number): Promise<{ cards: number; due: number }>;
}
