import type { QuestionRequest, QuestionSource, QuizQuestion } from '../ports/question-source.js';
import { shuffled } from '../ports/seeded-random.js';

/**
 * Picks questions for a request from a list: matching topic and difficulty, ids not recently asked
 * first, in random order from `request.random`.
 */
export function drawQuestions(pool: readonly QuizQuestion[], request: QuestionRequest): QuizQuestion[] {
  const topics = new Set(request.topics);
  const excluded = new Set(request.excludeIds);
  const matching = pool.filter(
    (q) =>
      (topics.size === 0 || topics.has(q.topic)) &&
      q.difficulty >= request.difficulty.min &&
      q.difficulty <= request.difficulty.max,
  );
  const fresh = shuffled(
    matching.filter((q) => !excluded.has(q.id)),
    request.random,
  );
  const seen = shuffled(
    matching.filter((q) => excluded.has(q.id)),
    request.random,
  );
  return [...fresh, ...seen].slice(0, Math.max(0, request.count));
}

/** A {@link QuestionSource} over a fixed list of questions (tests, and any pre-loaded corpus). */
export function createListQuestionSource(questions: readonly QuizQuestion[]): QuestionSource {
  const topics = [...new Set(questions.map((q) => q.topic))].sort();
  return { topics: () => topics, draw: (request) => drawQuestions(questions, request) };
}
