import { gradeNumeric } from '@mlsys/corpus';
import type { QuizQuestion } from '../ports/question-source.js';

/** Credit for an answer: 1 full, 0.5 half (numeric answers within the partial tolerance), 0 none. */
export type Credit = 1 | 0.5 | 0;

/**
 * Grades a submitted answer: a choice index for choice questions (right iff it is the correct
 * choice), a number for numeric ones (relative tolerance bands of CORPUS-FORMAT.md, graded by the
 * corpus's `gradeNumeric`). Anything unreadable earns 0.
 */
export function gradeAnswer(question: QuizQuestion, answer: string): Credit {
  if (question.kind === 'numeric') {
    const value = parseNumber(answer);
    if (value === undefined) return 0;
    const grade = gradeNumeric(question.answer, value);
    return grade === 'correct' ? 1 : grade === 'partial' ? 0.5 : 0;
  }
  if (!/^\d{1,2}$/.test(answer)) return 0;
  return question.choices[Number(answer)]?.correct === true ? 1 : 0;
}

/**
 * Reads a typed number: digits with an optional sign, decimal point, exponent, thousands separators
 * (`131,072`, `131 072`, `131_072`) and a trailing `%`; `undefined` for anything else.
 */
export function parseNumber(text: string): number | undefined {
  const cleaned = text
    .trim()
    .replace(/%$/, '')
    .replace(/(?<=\d)[,_ ](?=\d{3}(\D|$))/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}
