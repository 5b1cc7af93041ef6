import {
  type Corpus,
  createRng,
  filterQuestions,
  PARAMETRIC_GENERATORS,
  type PresentedQuestion,
  presentQuestion,
  type Question,
} from '@mlsys/corpus';
import { kernelQuestionGenerators } from '@mlsys/kernels/pure';
import { randomInt, shuffled } from '../ports/seeded-random.js';
import type { Random } from '../ports/services.js';
import { freshQuestion, kernelFamilyKey, questionKeyOf } from '../questions/question-lookup.js';

/** What a channel's daily draws from. */
export interface DailyPool {
  topics: readonly string[];
  difficulty: { min: number; max: number };
}

/**
 * The keys a pool holds: corpus question ids, parametric families (`<topic>-parametric-<name>`) and
 * kernel question families (`<topic>-kernel-<generator>`), whose answers the plain-TS kernels compute.
 */
export function poolKeys(corpus: Corpus, pool: DailyPool): string[] {
  const topics = new Set(pool.topics);
  const inTopics = (topic: string) => topics.size === 0 || topics.has(topic);
  const fixed = filterQuestions(corpus.questions, {})
    .filter(
      (q) => inTopics(q.topic) && q.difficulty >= pool.difficulty.min && q.difficulty <= pool.difficulty.max,
    )
    .map((q) => q.id);
  const families = PARAMETRIC_GENERATORS.filter((g) => inTopics(g.topic)).map(
    (g) => `${g.topic}-parametric-${g.name}`,
  );
  const kernelFamilies = kernelQuestionGenerators.filter((g) => inTopics(g.topic)).map(kernelFamilyKey);
  return [...fixed, ...families, ...kernelFamilies];
}

/**
 * Picks the next daily question of a channel so that no question comes back before the pool is used
 * up: keys never posted in the channel first (a random one), else the key posted longest ago. A
 * parametric family is one key and gets fresh numbers (a new seed) each time; one whose draw falls
 * outside the difficulty range is passed over this time.
 *
 * @param history Question ids posted in the channel, newest first.
 * @returns The question laid out (options shuffled), or `undefined` when the pool is empty.
 */
export function pickDailyQuestion(
  corpus: Corpus,
  pool: DailyPool,
  history: readonly string[],
  random: Random,
): PresentedQuestion | undefined {
  const lastSeen = new Map<string, number>();
  history.forEach((id, age) => {
    const key = questionKeyOf(id);
    if (!lastSeen.has(key)) lastSeen.set(key, age);
  });
  const keys = poolKeys(corpus, pool);
  const fresh = shuffled(
    keys.filter((k) => !lastSeen.has(k)),
    random,
  );
  const seen = keys.filter((k) => lastSeen.has(k)).sort((a, b) => lastSeen.get(b)! - lastSeen.get(a)!);
  for (const key of [...fresh, ...seen]) {
    const seed = randomInt(random, 2 ** 31);
    const question: Question | undefined = freshQuestion(corpus, key, seed);
    if (!question) continue;
    if (question.difficulty < pool.difficulty.min || question.difficulty > pool.difficulty.max) continue;
    return presentQuestion(question, createRng(seed));
  }
  return undefined;
}
