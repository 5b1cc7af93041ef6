import type { Platform } from '../commands/invocation.js';
import type { QuizSettings } from '../quiz/quiz-settings.js';
import type { QuizQuestion } from './question-source.js';

/**
 * Where a quiz is. Active phases: `lobby` (players join), `starting` (joins closed, teams and questions
 * being set), `question` (a round is open), `closing` (a round stopped taking answers and is being
 * scored), `results` (between rounds). Ended phases: `finished`, `stopped` (by the host), `expired`
 * (a lobby nobody started). `starting` and `closing` freeze their inputs (players, answers) in one
 * committed step before the work that reads them, so an instance that dies in between leaves a state
 * the next tick completes.
 */
export type QuizPhase =
  | 'lobby'
  | 'starting'
  | 'question'
  | 'closing'
  | 'results'
  | 'finished'
  | 'stopped'
  | 'expired';

/** Phases in which a quiz still occupies its channel. */
export const ACTIVE_QUIZ_PHASES: readonly QuizPhase[] = [
  'lobby',
  'starting',
  'question',
  'closing',
  'results',
];

/** A quiz as stored. Times are epoch milliseconds. */
export interface QuizRecord {
  /** Short random id, carried in button values. */
  id: string;
  platform: Platform;
  channelId: string;
  hostId: string;
  settings: QuizSettings;
  phase: QuizPhase;
  /** The current (or last) round, 1-based; 0 in the lobby. */
  round: number;
  /** When the phase ends: lobby expiry, round deadline (answers at this instant still count), next round. */
  phaseEndsAt: number;
  createdAt: number;
  /** Set together with an ended phase; the quiz occupies its channel while this is null. */
  endedAt: number | null;
  /** Bumped by every change; changes name the version they were computed from. */
  version: number;
}

/** A new quiz: it starts in the lobby at version 0. */
export type NewQuiz = Pick<
  QuizRecord,
  'id' | 'platform' | 'channelId' | 'hostId' | 'settings' | 'createdAt'
> & {
  /** When the lobby expires. */
  phaseEndsAt: number;
};

/** A player of one quiz. */
export interface PlayerRecord {
  userId: string;
  name: string;
  /** 1-based team, or null (free-for-all, or not yet assigned). */
  team: number | null;
  /** Rating when the player joined (1500 until ratings exist). */
  rating: number;
  joinedAt: number;
  /** Set when the player left a running quiz; they keep their score but cannot answer. */
  leftAt: number | null;
  score: number;
  /** Consecutive rounds answered with full credit, up to the last closed round. */
  streak: number;
  /** Rounds answered with full credit. */
  correct: number;
}

/** One round: its question (choices already in display order, answer included) and its times. */
export interface RoundRecord {
  round: number;
  question: QuizQuestion;
  openedAt: number | null;
  /** Last instant at which an answer counts. */
  deadline: number | null;
  closedAt: number | null;
}

/** One player's answer to one round. */
export interface AnswerRecord {
  round: number;
  userId: string;
  /** A choice index (`"2"`) or a typed number (`"40.5"`), as submitted. */
  answer: string;
  answeredAt: number;
  /** 1, 0.5 or 0 once the round is scored; null before. */
  credit: number | null;
  /** Points including any streak bonus once scored; null before. */
  points: number | null;
}

/** An answer as a player submits it. */
export interface NewAnswer {
  quizId: string;
  round: number;
  userId: string;
  answer: string;
  /** When the answer arrived, from the receiving instance's clock. */
  at: number;
}

/** Why an answer was not recorded. */
export type AnswerRejection = 'duplicate' | 'late' | 'not-player' | 'not-open';

/** The outcome of {@link QuizStore.submitAnswer}. */
export type SubmitResult = { accepted: true } | { accepted: false; reason: AnswerRejection };

/** Everything one state transition writes, applied atomically with the version check. */
export interface QuizChange {
  quiz?: Partial<Pick<QuizRecord, 'phase' | 'round' | 'phaseEndsAt' | 'endedAt' | 'settings'>>;
  /** Rounds to insert (at start). */
  newRounds?: RoundRecord[];
  rounds?: { round: number; openedAt?: number; deadline?: number; closedAt?: number }[];
  players?: { userId: string; team?: number | null; score?: number; streak?: number; correct?: number }[];
  /** Scores of answers. */
  answers?: { round: number; userId: string; credit: number; points: number }[];
}

/**
 * Quiz persistence. Every rule that must hold across bot instances is enforced here, in the
 * database: one active quiz per channel, one answer per (quiz, round, player) taken only while the
 * round is open, and state changes that apply only to the version they were computed from.
 */
export interface QuizStore {
  /** Creates a lobby, unless the channel already has an active quiz (then returns that one). */
  createQuiz(
    quiz: NewQuiz,
  ): Promise<{ created: true; quiz: QuizRecord } | { created: false; active: QuizRecord }>;
  getQuiz(quizId: string): Promise<QuizRecord | undefined>;
  /** The channel's quiz in an active phase, if any. */
  activeQuiz(platform: Platform, channelId: string): Promise<QuizRecord | undefined>;
  /**
   * Active quizzes whose phase is due at `now`: question phases ending strictly before `now` (an answer
   * at the deadline still counts), the other active phases ending at or before it. Earliest first
   * (ties by id).
   */
  dueQuizzes(now: number, limit: number): Promise<QuizRecord[]>;
  /** Adds a player while the quiz is in its lobby. */
  addPlayer(
    quizId: string,
    player: Pick<PlayerRecord, 'userId' | 'name' | 'team' | 'rating' | 'joinedAt'>,
  ): Promise<'joined' | 'already-joined' | 'not-open'>;
  /**
   * Removes a player from a lobby (`removed`), or marks them left in a quiz past its lobby (`left`:
   * they keep their score, cannot answer); `not-player` when they were not in (or already left).
   */
  removePlayer(quizId: string, userId: string, at: number): Promise<'removed' | 'left' | 'not-player'>;
  /** Players in join order (ties by user id). */
  listPlayers(quizId: string): Promise<PlayerRecord[]>;
  getRound(quizId: string, round: number): Promise<RoundRecord | undefined>;
  /** Answers to one round in arrival order (ties by user id). */
  listAnswers(quizId: string, round: number): Promise<AnswerRecord[]>;
  /** Answers so far and players still in, to close a round once everyone answered. */
  roundProgress(quizId: string, round: number): Promise<{ answered: number; players: number }>;
  /**
   * Records an answer in one statement that also checks the round is open and `at` is not past its
   * deadline. Rejections, in order of precedence: `not-open` (no such quiz, or a round not yet open),
   * `duplicate` (the player already answered this round), `not-player` (not in the quiz, or left),
   * `late` (the round closed or its deadline passed).
   */
  submitAnswer(answer: NewAnswer): Promise<SubmitResult>;
  /**
   * Applies a transition if the quiz is still at `expectedVersion`, bumping the version; all writes
   * or none. Returns false when another instance changed the quiz first.
   */
  applyChange(quizId: string, expectedVersion: number, change: QuizChange): Promise<boolean>;
  /** Ids of questions asked in the channel's most recent quizzes, newest first. */
  recentQuestionIds(platform: Platform, channelId: string, limit: number): Promise<string[]>;
}
