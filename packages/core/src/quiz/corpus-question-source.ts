import type { Corpus, Question } from '@mlsys/corpus';
import type { QuestionSource, QuizQuestion } from '../ports/question-source.js';
import { createListQuestionSource } from './question-list-source.js';

/**
 * A corpus question as the quiz plays it, or `undefined` for kinds quizzes do not play (`multi`,
 * `ordering`): `truefalse` becomes the two choices True and False.
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
        choices: question.choices.map((c) => ({ text: c.text, correct: c.correct })),
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
    default:
      return undefined;
  }
}

/** The quiz's {@link QuestionSource} over a loaded corpus (e.g. `await loadBuiltinCorpus()`). */
export function corpusQuestionSource(corpus: Corpus): QuestionSource {
  return createListQuestionSource(corpus.questions.flatMap((q) => toQuizQuestion(q) ?? []));
}
