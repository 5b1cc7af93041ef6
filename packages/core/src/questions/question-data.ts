import type { PresentedQuestion } from '@mlsys/corpus';

/** The machine-readable form of a shown question (`mlsys question --json`, `Reply.data`). */
export interface QuestionData {
  id: string;
  topic: string;
  difficulty: number;
  kind: string;
  prompt: string;
  /** The options in display order with their letter; empty for numeric questions. */
  choices: { letter: string; text: string; correct: boolean }[];
  /**
   * single: the right text; multi: the right texts; truefalse: the boolean; ordering: the items in order;
   * numeric: value, unit and relative tolerances.
   */
  answer: unknown;
  explanation: string;
  source: string;
  trap?: string;
  followUp?: string;
}

/** A shown question as plain data, with the answer. */
export function questionData(presented: PresentedQuestion): QuestionData {
  const { question, options, correct } = presented;
  const right = new Set(correct);
  const choices = options.map((option, i) => ({
    letter: String.fromCharCode(65 + i),
    text: option.label,
    correct: question.kind !== 'ordering' && right.has(i),
  }));
  let answer: unknown;
  switch (question.kind) {
    case 'single':
      answer = question.choices.find((choice) => choice.correct)!.text;
      break;
    case 'multi':
      answer = question.choices.filter((choice) => choice.correct).map((choice) => choice.text);
      break;
    case 'truefalse':
    case 'numeric':
      answer = question.answer;
      break;
    case 'ordering':
      answer = question.items;
      break;
  }
  return {
    id: question.id,
    topic: question.topic,
    difficulty: question.difficulty,
    kind: question.kind,
    prompt: question.prompt,
    choices,
    answer,
    explanation: question.explanation,
    source: question.source,
    ...(question.trap === undefined ? {} : { trap: question.trap }),
    ...(question.followUp === undefined ? {} : { followUp: question.followUp }),
  };
}
