/**
 * Row types of the tables of migration `002-daily-ratings-review` (see `tables.ts` for the
 * conventions: epoch-ms `bigint` times, JSON as text, integer flags).
 */

export interface DailySubscriptionsTable {
  platform: string;
  channel_id: string;
  time_zone: string;
  /** `HH:MM`. */
  local_time: string;
  /** ISO weekdays, comma-separated: `1,2,3,4,5`. */
  weekdays: string;
  /** Topic ids as a JSON array. */
  topics: string;
  difficulty_min: number;
  difficulty_max: number;
  reveal_after_ms: number;
  created_by: string;
  updated_at: number;
  next_post_at: number;
  next_local_date: string;
}

/** `daily_posts`: one row per (channel, kind, local date), claimed before posting so each post goes out once. */
export interface DailyPostsTable {
  id: string;
  platform: string;
  channel_id: string;
  kind: string;
  local_date: string;
  status: string;
  claimed_at: number;
  claim_token: string;
  question_id: string | null;
  /** The laid-out question (`PresentedQuestion`) as JSON, answer included. */
  question: string | null;
  message_id: string | null;
  posted_at: number | null;
  reveal_at: number | null;
  reveal_claimed_at: number | null;
  revealed_at: number | null;
}

/** `daily_answers`: one answer per (post, user). */
export interface DailyAnswersTable {
  post_id: string;
  user_id: string;
  answer: string;
  answered_at: number;
  credit: number;
}

/** `topic_ratings`: a player's Glicko-2 state per topic. */
export interface TopicRatingsTable {
  platform: string;
  user_id: string;
  topic: string;
  rating: number;
  rd: number;
  volatility: number;
  games: number;
  updated_at: number;
}

/** `question_ratings`: a question's (or parametric family's) Glicko-2 state. */
export interface QuestionRatingsTable {
  question_key: string;
  rating: number;
  rd: number;
  volatility: number;
  games: number;
  updated_at: number;
}

/** `question_attempts`: each first attempt of a question by a user, for "seen" filters and stats. */
export interface QuestionAttemptsTable {
  platform: string;
  user_id: string;
  question_id: string;
  topic: string;
  credit: number;
  at: number;
  via: string;
}

/** `review_opt_ins`: users who turned spaced-repetition review on (or off). */
export interface ReviewOptInsTable {
  platform: string;
  user_id: string;
  opted_in: number;
  updated_at: number;
}

/** `review_cards`: one FSRS card per (user, question key), with its due time. */
export interface ReviewCardsTable {
  platform: string;
  user_id: string;
  question_key: string;
  due: number;
  /** The ts-fsrs card as JSON. */
  card: string;
  updated_at: number;
}
