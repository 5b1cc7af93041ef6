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

export interface DailyAnswersTable {
  post_id: string;
  user_id: string;
  answer: string;
  answered_at: number;
  credit: number;
}

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

export interface QuestionRatingsTable {
  question_key: string;
  rating: number;
  rd: number;
  volatility: number;
  games: number;
  updated_at: number;
}

export interface QuestionAttemptsTable {
  platform: string;
  user_id: string;
  question_id: string;
  topic: string;
  credit: number;
  at: number;
  via: string;
}

export interface ReviewOptInsTable {
  platform: string;
  user_id: string;
  opted_in: number;
  updated_at: number;
}

export interface ReviewCardsTable {
  platform: string;
  user_id: string;
  question_key: string;
  due: number;
  /** The ts-fsrs card as JSON. */
  card: string;
  updated_at: number;
}
