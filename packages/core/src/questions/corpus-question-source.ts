import type { Question } from '@mlsys/corpus';
import type { QuestionSource, QuizQuestion } from '../ports/question-source.js';
import { createListQuestionSource } from '../quiz/question-list-source.js';

/**
 * A corpus question in the shape quizzes play: `single` as is, `truefalse` as the two choices True and
 * False, `numeric` with its answer. `multi` and `ordering` are not played in quizzes: `undefined`.
 */
export function toQuizQuestion(question: Question): QuizQuestion | undefined {
  const base = {
    id: question.id,
    topic: question.topic,
    difficulty: question.difficulty,
    prompt: question.prompt,
    explanation: question.explanation,
    source: question.source,
  };
  switch (question.kind) {
    case 'single':
      return {
        ...base,
        kind: 'single',
        choices: question.choices.map((choice) => ({ text: choice.text, correct: choice.correct })),
      };
    case 'truefalse':
      return {
        ...base,
        kind: 'truefalse',
        choices: [
          { text: 'True', correct: question.answer },
          { text: 'False', correct: !question.answer },
        ],
      };
    case 'numeric': {
      const { value, unit, tolerance, partialTolerance } = question.answer;
      return {
        ...base,
        kind: 'numeric',
        answer: { value, unit, tolerance, ...(partialTolerance === undefined ? {} : { partialTolerance }) },
      };
    }
    case 'multi':
    case 'ordering':
      return undefined;
  }
}

/** A quiz {@link QuestionSource} over corpus questions (the playable kinds only). */
export function createCorpusQuestionSource(questions: readonly Question[]): QuestionSource {
  return createListQuestionSource(questions.flatMap((question) => toQuizQuestion(question) ?? []));
}
