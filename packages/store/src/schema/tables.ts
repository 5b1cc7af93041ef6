import type {
  DailyAnswersTable,
  DailyPostsTable,
  DailySubscriptionsTable,
  QuestionAttemptsTable,
  QuestionRatingsTable,
  ReviewCardsTable,
  ReviewOptInsTable,
  TopicRatingsTable,
} from './tables-daily-ratings-review.js';

/**
 * Row types of the tables, as Kysely sees them. Times are epoch milliseconds (`bigint` in
 * PostgreSQL, read back as numbers); JSON documents are text; flags are integers, so one set of
 * queries serves SQLite and PostgreSQL.
 */
export interface Database {
  quizzes: QuizzesTable;
  quiz_players: QuizPlayersTable;
  quiz_rounds: QuizRoundsTable;
  quiz_answers: QuizAnswersTable;
  users: UsersTable;
  channels: ChannelsTable;
  ratings: RatingsTable;
  daily_subscriptions: DailySubscriptionsTable;
  daily_posts: DailyPostsTable;
  daily_answers: DailyAnswersTable;
  topic_ratings: TopicRatingsTable;
  question_ratings: QuestionRatingsTable;
  question_attempts: QuestionAttemptsTable;
  review_opt_ins: ReviewOptInsTable;
  review_cards: ReviewCardsTable;
}

/** `quizzes`: one row per quiz, its phase and deadline, versioned for compare-and-set updates. */
export interface QuizzesTable {
  id: string;
  platform: string;
  channel_id: string;
  host_id: string;
  /** `QuizSettings` as JSON. */
  settings: string;
  phase: string;
  round: number;
  phase_ends_at: number;
  created_at: number;
  ended_at: number | null;
  version: number;
}

/** `quiz_players`: who plays a quiz, their team and running score; one row per (quiz, user). */
export interface QuizPlayersTable {
  quiz_id: string;
  user_id: string;
  name: string;
  team: number | null;
  rating: number;
  joined_at: number;
  left_at: number | null;
  score: number;
  streak: number;
  correct: number;
}

/** `quiz_rounds`: the question and timing of each round of a quiz. */
export interface QuizRoundsTable {
  quiz_id: string;
  round: number;
  question_id: string;
  /** `QuizQuestion` as JSON, answer included: it never leaves the process before the round closes. */
  question: string;
  opened_at: number | null;
  deadline: number | null;
  closed_at: number | null;
}

/** `quiz_answers`: one answer per (quiz, round, user), the primary key that stops a second one. */
export interface QuizAnswersTable {
  quiz_id: string;
  round: number;
  user_id: string;
  answer: string;
  answered_at: number;
  credit: number | null;
  points: number | null;
}

/** `users`: a platform user id and display name, nothing more. */
export interface UsersTable {
  platform: string;
  user_id: string;
  name: string;
}

/** `channels`: channels the bot has been used in, by platform and id. */
export interface ChannelsTable {
  platform: string;
  channel_id: string;
  name: string | null;
}

/** Glicko-2 state per player (written by the ratings work; the quiz reads `rating`). */
export interface RatingsTable {
  platform: string;
  user_id: string;
  rating: number;
  rd: number;
  volatility: number;
  games: number;
  updated_at: number;
}
