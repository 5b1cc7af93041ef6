import type { DailyStore } from './store-daily.js';
import type { QuizStore } from './store-quiz.js';
import type { RatingStore } from './store-ratings.js';
import type { ReviewStore } from './store-review.js';
import type { UserStore } from './store-users.js';

/**
 * Everything the bot persists, behind one port. `@mlsys/store` implements it over SQLite and
 * PostgreSQL; `testing/memory-store.ts` is the in-memory fake; both pass the same contract suite
 * (`testing/store-contract.ts`).
 *
 * Tables behind the daily question, ratings and review (migration `002-daily-ratings-review`):
 * - `daily_subscriptions (platform, channel_id)` with `next_post_at`, the scheduler's index;
 * - `daily_posts (platform, channel_id, kind, local_date) UNIQUE`: claim the row, post, record the
 *   message; stale claims are taken over (DESIGN.md, "State and scale");
 * - `daily_answers (post_id, user_id)` primary key: one answer per user per post;
 * - `ratings` (overall, from `001`), `topic_ratings`, `question_ratings`, `question_attempts`
 *   (first attempts: the rated games);
 * - `review_cards (platform, user_id, question_key)` and `review_opt_ins`.
 */
export interface Store {
  quiz: QuizStore;
  users: UserStore;
  /** Daily-question subscriptions, posts (claimed under a unique key) and answers. */
  daily: DailyStore;
  /** Glicko-2 ratings of players (overall and per topic) and questions; first attempts. */
  ratings: RatingStore;
  /** Opt-in spaced repetition (FSRS cards). */
  review: ReviewStore;
  /** Which engine answers, for logs and benchmarks. */
  readonly engine: 'sqlite' | 'postgres' | 'memory';
  /** Releases connections and locks. */
  close(): Promise<void>;
}
