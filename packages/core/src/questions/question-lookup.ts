import { type Corpus, generateParametricQuestion, type Question } from '@mlsys/corpus';

/** `<topic>-parametric-<generator>-<seed>`: the id `generateParametricQuestion` gives. */
const PARAMETRIC_ID = /^(.+)-parametric-([a-z0-9-]+?)-(\d+)$/;

/**
 * The key a question is rated and reviewed under: its id, or for a parametric question its family
 * (`kv-cache-parametric-kv-cache-size`) without the seed, since every draw has fresh numbers.
 */
export function questionKeyOf(questionId: string): string {
  const match = PARAMETRIC_ID.exec(questionId);
  return match ? `${match[1]}-parametric-${match[2]}` : questionId;
}

/** True for a parametric family key (or id). */
export function isParametricKey(key: string): boolean {
  return key.includes('-parametric-');
}

/** The generator name of a parametric family key, e.g. `kv-cache-size`. */
export function generatorOf(key: string): string | undefined {
  return /-parametric-([a-z0-9-]+?)(?:-\d+)?$/.exec(key)?.[1];
}

/**
 * The question with this id: from the corpus, or regenerated from a parametric id (the seed in the id
 * reproduces the same numbers). `undefined` when neither knows it.
 */
export function findQuestion(corpus: Corpus, id: string): Question | undefined {
  const found = corpus.find(id);
  if (found) return found;
  const match = PARAMETRIC_ID.exec(id);
  if (!match) return undefined;
  try {
    const question = generateParametricQuestion({ generator: match[2], seed: Number(match[3]) });
    return question.id === id ? question : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A fresh draw of a question key: the corpus question itself, or for a parametric family a new
 * question with numbers from `seed`.
 */
export function freshQuestion(corpus: Corpus, key: string, seed: number): Question | undefined {
  if (!isParametricKey(key)) return corpus.find(key);
  const generator = generatorOf(key);
  if (generator === undefined) return undefined;
  try {
    return generateParametricQuestion({ generator, seed });
  } catch {
    return undefined;
  }
}
