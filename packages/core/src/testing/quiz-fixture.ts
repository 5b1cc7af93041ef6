import { createManualClock, type ManualClock } from '../ports/manual-clock.js';
import { createRecordingMessenger, type RecordingMessenger } from '../ports/messenger-recording.js';
import type { QuizQuestion } from '../ports/question-source.js';
import { createSeededRandom } from '../ports/seeded-random.js';
import type { Store } from '../ports/store.js';
import { createQuizEngine, type QuizEngine } from '../quiz/engine.js';
import { createListQuestionSource } from '../quiz/question-list-source.js';
import type { Reply } from '../reply/reply.js';
import { createMemoryStore } from './memory-store.js';
import { SAMPLE_QUESTIONS } from './sample-questions.js';
import { T0 } from './store-contract.js';

/** An engine on a store with a manual clock, a seeded random and a recording messenger. */
export interface QuizFixture {
  store: Store;
  clock: ManualClock;
  messenger: RecordingMessenger;
  engine: QuizEngine;
  /** Payloads posted so far, as replies. */
  posted(): Reply[];
}

/** Builds a {@link QuizFixture}; pass a store (and a clock) to share them between engines. */
export function quizFixture(
  options: { store?: Store; clock?: ManualClock; seed?: number; questions?: readonly QuizQuestion[] } = {},
): QuizFixture {
  const store = options.store ?? createMemoryStore();
  const clock = options.clock ?? createManualClock(T0);
  const messenger = createRecordingMessenger();
  let ids = 0;
  const engine = createQuizEngine({
    store,
    questions: createListQuestionSource(options.questions ?? SAMPLE_QUESTIONS),
    messenger,
    clock,
    random: createSeededRandom(options.seed ?? 1),
    newId: () => `quiz${(++ids).toString().padStart(4, '0')}${Math.random().toString(36).slice(2, 8)}`,
    onError: (message, fields) => {
      const { error, ...rest } = fields;
      throw new Error(`${message}: ${JSON.stringify(rest)}`, { cause: error });
    },
  });
  return {
    store,
    clock,
    messenger,
    engine,
    posted: () => messenger.sent.flatMap((m) => (m.kind === 'post' ? [m.reply] : [])),
  };
}

/** The index of the right choice of a posted question, read from the store (tests only). */
export async function rightChoice(store: Store, quizId: string, round: number): Promise<number> {
  const r = await store.quiz.getRound(quizId, round);
  if (!r || r.question.kind === 'numeric') throw new Error('not a choice round');
  return r.question.choices.findIndex((c) => c.correct);
}
