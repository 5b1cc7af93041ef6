import { createListQuestionSource, type QuestionSource, toQuizQuestion } from '@mlsys/core';
import { loadBuiltinCorpus } from '@mlsys/corpus';

/**
 * The quiz questions of the compiled corpus; `choice` keeps only those answered with buttons
 * (simulated players pick choices, they do not type numbers).
 */
export async function corpusQuizQuestions(kinds: 'all' | 'choice' = 'all'): Promise<QuestionSource> {
  const corpus = await loadBuiltinCorpus();
  const questions = corpus.questions.flatMap((q) => toQuizQuestion(q) ?? []);
  return createListQuestionSource(
    kinds === 'all' ? questions : questions.filter((q) => q.kind !== 'numeric'),
  );
}
