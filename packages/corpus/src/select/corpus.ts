import { closestNames, UserError } from '@mlsys/errors';
import { createRng, randomIndex, type Seed } from '../random/seed.js';
import type { Question } from '../schema/corpus-file-schema.js';
import type { Difficulty } from '../schema/difficulty.js';
import type { QuestionKind } from '../schema/question-schema.js';
import type { TopicId } from '../schema/topics.js';
import { type CorpusStats, corpusStats } from '../stats/corpus-stats.js';
import { type PresentedQuestion, presentQuestion } from './present-question.js';

/** Which questions qualify; an absent field does not filter. */
export interface QuestionFilter {
  topic?: TopicId | undefined;
  difficulty?: Difficulty | undefined;
  kind?: QuestionKind | undefined;
}

/** What {@link drawQuestion} draws from and how. */
export interface DrawOptions extends QuestionFilter {
  /** Ids not to draw again, e.g. those a channel or user has already seen. */
  exclude?: Iterable<string> | undefined;
  /** The same seed over the same questions draws the same question with the same option order. */
  seed: Seed;
}

/** The questions matching `filter`, in the order given. */
export function filterQuestions(questions: readonly Question[], filter: QuestionFilter): Question[] {
  return questions.filter(
    (question) =>
      (filter.topic === undefined || question.topic === filter.topic) &&
      (filter.difficulty === undefined || question.difficulty === filter.difficulty) &&
      (filter.kind === undefined || question.kind === filter.kind),
  );
}

/**
 * Draws one question matching the filter and not excluded, uniformly with a seeded PRNG, and lays it
 * out with its options shuffled by the same PRNG.
 *
 * @returns the laid-out question, or `undefined` when no question qualifies.
 */
export function drawQuestion(
  questions: readonly Question[],
  options: DrawOptions,
): PresentedQuestion | undefined {
  const excluded = new Set(options.exclude ?? []);
  const candidates = filterQuestions(questions, options).filter((question) => !excluded.has(question.id));
  if (candidates.length === 0) return undefined;
  const rng = createRng(options.seed);
  return presentQuestion(candidates[randomIndex(rng, candidates.length)]!, rng);
}

/** A set of questions with lookup, filtering, seeded draws and counts. */
export interface Corpus {
  readonly questions: readonly Question[];
  /** The question with this id, or `undefined`. */
  find(id: string): Question | undefined;
  /**
   * The question with this id.
   *
   * @throws UserError `corpus/unknown-question` with close ids when there is none.
   */
  get(id: string): Question;
  filter(filter: QuestionFilter): Question[];
  draw(options: DrawOptions): PresentedQuestion | undefined;
  stats(): CorpusStats;
}

/**
 * Wraps validated questions (the compiled corpus, or a test's own) for lookup and draws.
 *
 * @throws Error when two questions share an id (a programming error: the compiler rejects that).
 */
export function createCorpus(questions: readonly Question[]): Corpus {
  const byId = new Map<string, Question>();
  for (const question of questions) {
    if (byId.has(question.id)) throw new Error(`createCorpus: duplicate question id ${question.id}`);
    byId.set(question.id, question);
  }
  return {
    questions,
    find: (id) => byId.get(id),
    get(id) {
      const question = byId.get(id.trim());
      if (question) return question;
      throw new UserError('corpus/unknown-question', `There is no question with id "${id}".`, {
        suggestions: closestNames(id.trim(), [...byId.keys()]),
        example: questions[0]?.id ?? 'kv-cache-gqa-savings',
      });
    },
    filter: (filter) => filterQuestions(questions, filter),
    draw: (options) => drawQuestion(questions, options),
    stats: () => corpusStats(questions),
  };
}
