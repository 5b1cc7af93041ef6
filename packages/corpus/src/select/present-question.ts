import type { Rng } from '../random/mulberry32.js';
import { shuffled } from '../random/seed.js';
import type { Question } from '../schema/corpus-file-schema.js';

/** One option as shown to a user: its label and where it comes from in the question. */
export interface PresentedOption {
  /** Button text: a choice's text, an ordering item, or `True` / `False`. */
  label: string;
  /** Index in the question's `choices` or `items`; for `truefalse`, 0 is True and 1 is False. */
  source: number;
}

/** A question laid out for one showing: options in display order and which of them are right. */
export interface PresentedQuestion {
  question: Question;
  /** In display order; empty for `numeric`. */
  options: PresentedOption[];
  /**
   * Indexes into `options`. `single`, `truefalse`: the right option. `multi`: every right option,
   * ascending. `ordering`: the options in the right order. `numeric`: empty.
   */
  correct: number[];
}

/**
 * Lays a question out for showing: choices and ordering items shuffled by `rng` (an ordering is never
 * shown already in order), True/False kept in that order. The same `rng` state gives the same layout.
 */
export function presentQuestion(question: Question, rng: Rng): PresentedQuestion {
  switch (question.kind) {
    case 'single':
    case 'multi': {
      const options = shuffled(
        question.choices.map((choice, source) => ({ label: choice.text, source })),
        rng,
      );
      const correct = options.flatMap((option, i) => (question.choices[option.source]!.correct ? [i] : []));
      return { question, options, correct };
    }
    case 'truefalse':
      return {
        question,
        options: [
          { label: 'True', source: 0 },
          { label: 'False', source: 1 },
        ],
        correct: [question.answer ? 0 : 1],
      };
    case 'ordering': {
      let options = shuffled(
        question.items.map((label, source) => ({ label, source })),
        rng,
      );
      if (options.every((option, i) => option.source === i)) options = [...options.slice(1), options[0]!];
      const correct = question.items.map((_, source) =>
        options.findIndex((option) => option.source === source),
      );
      return { question, options, correct };
    }
    case 'numeric':
      return { question, options: [], correct: [] };
  }
}
