import type { ChannelRef, Messenger } from '../ports/messenger.js';
import type { QuestionSource } from '../ports/question-source.js';
import type { Clock, Random } from '../ports/services.js';
import type { Store } from '../ports/store.js';
import type { QuizRecord } from '../ports/store-quiz.js';
import type { Reply } from '../reply/reply.js';

/** What the quiz engine runs on; all state lives in `store`, so any number of engines may share it. */
export interface QuizEngineOptions {
  store: Store;
  questions: QuestionSource;
  /** Where timer-driven messages go (questions, results, podium); without it they are dropped. */
  messenger?: Messenger;
  clock: Clock;
  random: Random;
  /** Makes quiz ids (`[a-z0-9]{4,24}`); random by default. */
  newId?: () => string;
  /** Told about failures that must not stop the engine (a message that could not be posted). */
  onError?: (message: string, fields: Record<string, unknown>) => void;
}

/** The engine's internals shared by its steps. */
export interface EngineContext extends QuizEngineOptions {
  /** Posts to the quiz's channel; failures are reported, not thrown. */
  post(quiz: QuizRecord, reply: Reply): Promise<void>;
}

/** The channel of a quiz. */
export const channelOf = (quiz: QuizRecord): ChannelRef => ({
  platform: quiz.platform,
  channelId: quiz.channelId,
});

/** Builds the context of an engine. */
export function toEngineContext(options: QuizEngineOptions): EngineContext {
  const onError = options.onError ?? ((message, fields) => console.error(message, fields));
  return {
    ...options,
    onError,
    async post(quiz, reply) {
      if (!options.messenger) return;
      try {
        await options.messenger.post(channelOf(quiz), reply);
      } catch (error) {
        onError('quiz: posting failed', { quiz: quiz.id, phase: quiz.phase, round: quiz.round, error });
      }
    },
  };
}
