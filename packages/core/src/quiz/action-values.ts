import { UserError } from '@mlsys/errors';

/** Action ids of the quiz's buttons (routed back through `router.handleAction`). */
export const QUIZ_ACTIONS = {
  /** A choice button; value `<quiz>.<round>.<choice index>`. */
  answer: 'quiz:answer',
  /** The typed-answer prompt of a numeric round; value `<quiz>.<round>`, typed text as `input`. */
  numeric: 'quiz:numeric',
  /** Join the lobby; value `<quiz>` or `<quiz>.<team>`. */
  join: 'quiz:join',
  /** Leave; value `<quiz>`. */
  leave: 'quiz:leave',
  /** Start the rounds (host); value `<quiz>`. */
  begin: 'quiz:begin',
} as const;

/** What a quiz button's value carries. */
export interface QuizActionValue {
  quizId: string;
  /** Round for answers; team for joins. */
  second: number | undefined;
  /** Choice index for answers. */
  third: number | undefined;
}

/** Joins a quiz id and numbers into a button value (well under Discord's 100 characters). */
export function toActionValue(quizId: string, ...numbers: number[]): string {
  return [quizId, ...numbers.map(String)].join('.');
}

/**
 * Reads a quiz button's value.
 *
 * @throws UserError `quiz/bad-button` when the value is not one the bot made.
 */
export function parseActionValue(value: string): QuizActionValue {
  const match = /^([a-z0-9]{4,24})(?:\.(\d{1,3}))?(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) throw new UserError('quiz/bad-button', 'That button does not belong to a quiz I know.');
  return {
    quizId: match[1]!,
    second: match[2] === undefined ? undefined : Number(match[2]),
    third: match[3] === undefined ? undefined : Number(match[3]),
  };
}
