import { UserError } from '@mlsys/errors';
import type { Services } from '../../ports/services.js';
import { createQuizEngine, type QuizEngine } from '../../quiz/engine.js';

/**
 * The quiz engine over the bot's services; it holds no state, so one per call is fine.
 *
 * @throws UserError when the bot runs without a store or without questions.
 */
export function quizEngineFor(services: Services): QuizEngine {
  if (!services.store) {
    throw new UserError('quiz/no-store', 'Quizzes need a database, and this bot runs without one.', {
      example: 'DATABASE_URL=postgres://… or a SQLite file under the data directory',
    });
  }
  if (!services.questions) {
    throw new UserError(
      'quiz/no-questions',
      'Quizzes need the question corpus, and this bot runs without it.',
    );
  }
  return createQuizEngine({
    store: services.store,
    questions: services.questions,
    clock: services.clock,
    random: services.random,
    ...(services.messenger ? { messenger: services.messenger } : {}),
  });
}
