import { gradeNumeric, type PresentedQuestion, type Question } from '@mlsys/corpus';
import { UserError } from '@mlsys/errors';
import { type Credit, parseNumber } from '../quiz/grade-answer.js';
import { inUnit, withUnit } from './answer-unit.js';
import { optionLetter } from './question-actions.js';

/** A graded answer: the credit and the answer as the user gave it, readable. */
export interface GradedAnswer {
  credit: Credit;
  /** `B`, `True`, `A C`, `131,072`. */
  shown: string;
}

/**
 * Grades a pressed button of a question reply: `detail` is what follows `#` in the button value (the
 * choice's index in the question, or `true`/`false`; see `question-actions.ts`).
 *
 * @param order Source indexes in display order, to name the pressed option's letter.
 * @throws UserError `question/bad-button` when the detail does not fit the question.
 */
export function gradeChoice(
  question: Question,
  detail: string | undefined,
  order?: readonly number[],
): GradedAnswer {
  if (question.kind === 'truefalse' && (detail === 'true' || detail === 'false')) {
    return {
      credit: (detail === 'true') === question.answer ? 1 : 0,
      shown: detail === 'true' ? 'True' : 'False',
    };
  }
  if (question.kind === 'single' && detail !== undefined && /^\d$/.test(detail)) {
    const choice = question.choices[Number(detail)];
    if (choice) {
      const at = order?.indexOf(Number(detail)) ?? -1;
      return { credit: choice.correct ? 1 : 0, shown: at >= 0 ? optionLetter(at) : choice.text };
    }
  }
  throw new UserError('question/bad-button', 'That answer button does not fit this question.');
}

/**
 * Grades a typed answer: a number for `numeric` (relative tolerances, `gradeNumeric`), letters for the
 * others (`A C` for multi, `C A B` in order for ordering, one letter for single and true/false).
 *
 * @param presented The question as shown (its option order turns letters into choices).
 * @throws UserError naming what to type when the text cannot be read.
 */
export function gradeTyped(presented: PresentedQuestion, typed: string): GradedAnswer {
  const { question, options, correct } = presented;
  if (question.kind === 'numeric') {
    const value = parseNumber(typed);
    if (value === undefined) {
      throw new UserError(
        'question/bad-number',
        `"${typed}" is not a number: type digits${inUnit(question.answer.unit)}.`,
        {
          example: '131072',
        },
      );
    }
    const grade = gradeNumeric(question.answer, value);
    return {
      credit: grade === 'correct' ? 1 : grade === 'partial' ? 0.5 : 0,
      shown: withUnit(value.toLocaleString('en-US', { maximumFractionDigits: 6 }), question.answer.unit),
    };
  }
  const letters = typed.toUpperCase().match(/[A-Z]/g) ?? [];
  const picked = letters.map((l) => l.charCodeAt(0) - 65);
  if (picked.length === 0 || picked.some((i) => i >= options.length)) {
    const last = optionLetter(options.length - 1);
    throw new UserError('question/bad-letters', `Type letters from A to ${last}.`, {
      example: question.kind === 'ordering' ? 'C A B' : 'A C',
    });
  }
  const shown = picked.map(optionLetter).join(' ');
  if (question.kind === 'multi') {
    const given = [...new Set(picked)].sort((a, b) => a - b);
    const right = given.length === correct.length && given.every((v, i) => v === correct[i]);
    return { credit: right ? 1 : 0, shown };
  }
  if (question.kind === 'ordering') {
    const right = picked.length === correct.length && picked.every((v, i) => v === correct[i]);
    return { credit: right ? 1 : 0, shown };
  }
  return { credit: picked.length === 1 && picked[0] === correct[0] ? 1 : 0, shown };
}

/**
 * The question laid out in a known display order (the order a prompt button carries), as
 * `presentQuestion` would have shown it.
 *
 * @param order Source indexes (choices or items) in display order; ignored for true/false and numeric.
 * @throws UserError `question/bad-button` when the order does not fit the question.
 */
export function presentedInOrder(question: Question, order: readonly number[]): PresentedQuestion {
  switch (question.kind) {
    case 'truefalse':
      return {
        question,
        options: [
          { label: 'True', source: 0 },
          { label: 'False', source: 1 },
        ],
        correct: [question.answer ? 0 : 1],
      };
    case 'numeric':
      return { question, options: [], correct: [] };
    case 'single':
    case 'multi': {
      const labels = question.choices.map((c) => c.text);
      const options = checkedOrder(order, labels);
      const correct = options.flatMap((o, i) => (question.choices[o.source]!.correct ? [i] : []));
      return { question, options, correct };
    }
    case 'ordering': {
      const options = checkedOrder(order, question.items);
      return {
        question,
        options,
        correct: question.items.map((_, s) => options.findIndex((o) => o.source === s)),
      };
    }
  }
}

function checkedOrder(order: readonly number[], labels: readonly string[]) {
  const valid =
    order.length === labels.length &&
    new Set(order).size === labels.length &&
    order.every((s) => s < labels.length);
  if (!valid) throw new UserError('question/bad-button', 'That answer form does not fit this question.');
  return order.map((source) => ({ label: labels[source]!, source }));
}
