import type { Random } from './services.js';

/** One choice of a choice question, in the order the source gives (the quiz shuffles). */
export interface QuizChoice {
  /** At most 75 characters (a Slack button label). */
  text: string;
  correct: boolean;
}

/** The exact answer of a numeric question and how close counts. */
export interface NumericAnswer {
  value: number;
  /** Always explicit: `GiB` (2^30 bytes), `GB` (10^9), `tokens`, `%`, … */
  unit: string;
  /** Relative tolerance for full credit, e.g. 0.02 for ±2 %. */
  tolerance: number;
  /** Relative tolerance for half credit, e.g. 0.1 for ±10 %; none means no partial credit. */
  partialTolerance?: number;
}

/**
 * A question as the quiz plays it. Choice questions (`single`, `truefalse` as two choices) are answered
 * with buttons, numeric ones with a typed value; the corpus's `multi` and `ordering` kinds are not played
 * in quizzes.
 */
export type QuizQuestion = {
  /** Stable corpus id, e.g. `kv-cache-gqa-savings`. */
  id: string;
  topic: string;
  /** 1 (warm-up) … 5 (staff-level). */
  difficulty: number;
  /** Markup text, at most 600 characters. */
  prompt: string;
  /** Why the right answer is right, shown when the round closes. */
  explanation: string;
  /** Paper, document or config the answer comes from. */
  source: string;
} & ({ kind: 'single' | 'truefalse'; choices: QuizChoice[] } | { kind: 'numeric'; answer: NumericAnswer });

/** What a quiz asks the source for. */
export interface QuestionRequest {
  count: number;
  /** Topic ids; empty means any topic. */
  topics: readonly string[];
  /** Inclusive difficulty range, 1…5. */
  difficulty: { min: number; max: number };
  /** Ids to leave out (asked recently in the channel) when enough others exist. */
  excludeIds: readonly string[];
  random: Random;
}

/**
 * Where quiz questions come from: the corpus in the bot, a fixed list in tests.
 */
export interface QuestionSource {
  /** Topic ids that have playable questions. */
  topics(): readonly string[];
  /**
   * Draws up to `count` distinct questions matching the request; fewer when not enough exist.
   * Excluded ids are avoided, not forbidden: they are used only when the others run out.
   */
  draw(request: QuestionRequest): QuizQuestion[];
}
