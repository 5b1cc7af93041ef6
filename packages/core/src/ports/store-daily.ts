import type { PresentedQuestion } from '@mlsys/corpus';
import type { Platform } from '../commands/invocation.js';

/** A channel's daily-question settings, plus the scheduler's index of its next post. Times are epoch ms. */
export interface DailySubscription {
  platform: Platform;
  channelId: string;
  /** IANA zone, e.g. `Europe/London`: days, weeks and streaks are counted in it. */
  timeZone: string;
  /** Local time of the post, `HH:MM` (24 h). */
  localTime: string;
  /** ISO weekdays to post on, 1 = Monday … 7 = Sunday, ascending. */
  weekdays: number[];
  /** Topic ids; empty means any topic. */
  topics: string[];
  /** Inclusive difficulty range, 1…5. */
  difficulty: { min: number; max: number };
  /** How long after posting the answer is revealed, ms. */
  revealAfterMs: number;
  /** Who subscribed (an admin). */
  createdBy: string;
  updatedAt: number;
  /** When the next post is due, and its local date; moved on by the scheduler once that date is handled. */
  nextPostAt: number;
  nextLocalDate: string;
}

/** What a daily row is: a question, or the weekly leaderboard (local date = the week's Monday). */
export type DailyPostKind = 'question' | 'leaderboard';

/** `claimed`: an instance is posting it; `posted`; `skipped` (by an admin); `revealed` (questions). */
export type DailyPostStatus = 'claimed' | 'posted' | 'skipped' | 'revealed';

/**
 * One (channel, kind, local date) row: claimed once under a unique key before anything is posted,
 * so several instances post it exactly once.
 */
export interface DailyPostRecord {
  /** Random id, carried in answer buttons. */
  id: string;
  platform: Platform;
  channelId: string;
  kind: DailyPostKind;
  localDate: string;
  status: DailyPostStatus;
  claimedAt: number;
  /** Random per claim: only the claimer may record the post. */
  claimToken: string;
  /** The question as laid out for this post (options in display order); null for leaderboards and skips. */
  question: PresentedQuestion | null;
  messageId: string | null;
  postedAt: number | null;
  /** When answers stop and the answer is shown. */
  revealAt: number | null;
  revealClaimedAt: number | null;
  revealedAt: number | null;
}

/** A claim request for {@link DailyStore.claimPost}. */
export interface DailyClaim {
  id: string;
  platform: Platform;
  channelId: string;
  kind: DailyPostKind;
  localDate: string;
  claimToken: string;
  at: number;
  /** A claim older than this without a message is stale: this claim may take it over. */
  staleBefore: number;
  question: PresentedQuestion | null;
  /** Insert as `skipped` (nothing will be posted) instead of `claimed`; never takes over a row. */
  skip?: boolean;
}

/** One answer to a daily question. */
export interface DailyAnswerRecord {
  postId: string;
  userId: string;
  /** As submitted: a choice index in the question, or typed text. */
  answer: string;
  answeredAt: number;
  /** 1, 0.5 or 0, graded on arrival (shown only at the reveal). */
  credit: number;
}

/** Why a daily answer was not taken. */
export type DailyAnswerRejection = 'duplicate' | 'late' | 'not-open';

/** Per-user sums over a channel's daily answers. */
export interface DailyTotals {
  userId: string;
  answered: number;
  /** Sum of credits. */
  credit: number;
  /** Sum of answer times (from the post) of full-credit answers, ms: the tie-break. */
  correctMs: number;
}

/**
 * Daily-question persistence. The rules that must hold across instances live here: one row per
 * (channel, kind, local date) (a unique key), one answer per (post, user) (a primary key) taken only
 * before the reveal, and compare-and-set moves of the schedule and of reveals.
 */
export interface DailyStore {
  /** Creates or replaces a channel's subscription. */
  putSubscription(subscription: DailySubscription): Promise<void>;
  getSubscription(platform: Platform, channelId: string): Promise<DailySubscription | undefined>;
  /** @returns false when there was none. */
  deleteSubscription(platform: Platform, channelId: string): Promise<boolean>;
  /** Subscriptions whose next post is due at `now` (`nextPostAt <= now`), earliest first. */
  dueSubscriptions(now: number, limit: number): Promise<DailySubscription[]>;
  /** Moves the schedule on if it still points at `expectedNextPostAt`. */
  advanceSubscription(
    platform: Platform,
    channelId: string,
    expectedNextPostAt: number,
    next: { nextPostAt: number; nextLocalDate: string },
  ): Promise<boolean>;
  /**
   * Inserts the row under its unique key, or takes over a stale claim (status `claimed`, no message,
   * claimed before `staleBefore`) in one compare-and-set. Otherwise returns the existing row.
   */
  claimPost(claim: DailyClaim): Promise<{ claimed: boolean; post: DailyPostRecord }>;
  /** Records the posted message if the claim is still `claimToken`'s. */
  recordPosted(
    postId: string,
    claimToken: string,
    posted: { messageId: string; postedAt: number; revealAt: number | null },
  ): Promise<boolean>;
  getPost(postId: string): Promise<DailyPostRecord | undefined>;
  getPostByDate(
    platform: Platform,
    channelId: string,
    kind: DailyPostKind,
    localDate: string,
  ): Promise<DailyPostRecord | undefined>;
  /** A channel's rows of one kind, newest local date first. */
  recentPosts(
    platform: Platform,
    channelId: string,
    kind: DailyPostKind,
    limit: number,
  ): Promise<DailyPostRecord[]>;
  /**
   * Posted questions due for their reveal: `revealAt <= now`, not revealed, and no reveal claim newer
   * than `staleBefore`. Earliest first.
   */
  dueReveals(now: number, staleBefore: number, limit: number): Promise<DailyPostRecord[]>;
  /** Claims a reveal if its claim is still `expectedClaimedAt` (null: unclaimed). */
  claimReveal(postId: string, expectedClaimedAt: number | null, at: number): Promise<boolean>;
  recordRevealed(postId: string, at: number): Promise<void>;
  /**
   * Records an answer in one statement that also checks the post takes answers: a question row that is
   * claimed or posted, whose reveal is neither claimed nor past `at`. Rejections in order: `not-open`,
   * `duplicate`, `late`.
   */
  submitAnswer(
    answer: DailyAnswerRecord,
  ): Promise<{ accepted: true } | { accepted: false; reason: DailyAnswerRejection }>;
  /** Answers to a post in arrival order (ties by user id). */
  listAnswers(postId: string): Promise<DailyAnswerRecord[]>;
  /** Post ids (of `postIds`) the user answered. */
  answeredBy(userId: string, postIds: readonly string[]): Promise<Set<string>>;
  /**
   * Sums per user over the channel's question posts with local dates in `[fromDate, toDate]` (either
   * bound null: open), best credit first, then least time.
   */
  totals(
    platform: Platform,
    channelId: string,
    fromDate: string | null,
    toDate: string | null,
    limit: number,
  ): Promise<DailyTotals[]>;
}
