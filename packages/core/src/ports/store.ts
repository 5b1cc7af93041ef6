import type { QuizStore } from './store-quiz.js';
import type { UserStore } from './store-users.js';

/**
 * Everything the bot persists, behind one port. `@mlsys/store` implements it over SQLite and
 * PostgreSQL; `testing/memory-store.ts` is the in-memory fake; both pass the same contract suite
 * (`testing/store-contract.ts`).
 *
 * Room left for the daily question, ratings and review (added as members here, with their own
 * migration), at the level of the tables they need:
 * - `daily_subscriptions (platform, channel_id) → time_zone, local_time, topics, difficulty`;
 * - `daily_posts (platform, channel_id, local_date) UNIQUE → question_id, claimed_at, message_id,
 *   posted_at, revealed_at`: claim the row, post, record; sweep stale claims (DESIGN.md);
 * - `daily_answers (post id, user_id) UNIQUE → answer, answered_at, credit`;
 * - `ratings (platform, user_id) → rating, rd, volatility, games, updated_at` (created now: the quiz
 *   reads `rating`), plus `question_ratings (question_id) → rating, rd, volatility, games`;
 * - `review_cards (platform, user_id, question_id) UNIQUE → FSRS card fields, due`, opt-in per user
 *   (`users.review_opt_in`).
 */
export interface Store {
  quiz: QuizStore;
  users: UserStore;
  /** Which engine answers, for logs and benchmarks. */
  readonly engine: 'sqlite' | 'postgres' | 'memory';
  /** Releases connections and locks. */
  close(): Promise<void>;
}
