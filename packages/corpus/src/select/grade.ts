import type { NumericAnswer } from '../schema/question-schema.js';
import type { PresentedQuestion } from './present-question.js';

/** How a numeric answer scored: full credit, half credit (within `partialTolerance`) or none. */
export type NumericGrade = 'correct' | 'partial' | 'wrong';

/**
 * Grades a number against a numeric answer with RELATIVE tolerances (CORPUS-FORMAT.md): full credit when
 * |given − value| ≤ tolerance·|value|, half credit within partialTolerance·|value|. For a value of 0 the
 * tolerances are absolute.
 */
export function gradeNumeric(answer: NumericAnswer, given: number): NumericGrade {
  if (!Number.isFinite(given)) return 'wrong';
  const scale = answer.value === 0 ? 1 : Math.abs(answer.value);
  const error = Math.abs(given - answer.value);
  // A relative error within float noise of the boundary counts as inside it.
  const within = (tolerance: number) => error <= tolerance * scale * (1 + 1e-12);
  if (within(answer.tolerance)) return 'correct';
  if (answer.partialTolerance !== undefined && within(answer.partialTolerance)) return 'partial';
  return 'wrong';
}

/**
 * True when `chosen` (indexes into `presented.options`) is the right answer: the one right option for
 * `single`/`truefalse`, exactly the right set for `multi` (any order), the right sequence for `ordering`.
 * Always false for `numeric` (use {@link gradeNumeric}).
 */
export function isCorrectChoice(presented: PresentedQuestion, chosen: readonly number[]): boolean {
  const { kind } = presented.question;
  if (kind === 'numeric') return false;
  const given = kind === 'multi' ? [...new Set(chosen)].sort((a, b) => a - b) : [...chosen];
  return (
    given.length === presented.correct.length && given.every((index, i) => index === presented.correct[i])
  );
}
