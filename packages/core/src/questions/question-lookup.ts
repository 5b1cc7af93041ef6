import { type Corpus, generateParametricQuestion, type Question } from '@mlsys/corpus';
import { type KernelQuestionGenerator, kernelQuestionGenerators } from '@mlsys/kernels/pure';

/** `<topic>-parametric-<generator>-<seed>`: the id `generateParametricQuestion` gives. */
const PARAMETRIC_ID = /^(.+)-parametric-([a-z0-9-]+?)-(\d+)$/;

/**
 * The key a question is rated and reviewed under: its id, or for a parametric question its family
 * (`kv-cache-parametric-kv-cache-size`) without the seed, since every draw has fresh numbers.
 */
export function questionKeyOf(questionId: string): string {
  const match = PARAMETRIC_ID.exec(questionId);
  if (match) return `${match[1]}-parametric-${match[2]}`;
  const kernel = kernelFamilyOf(questionId);
  return kernel ? kernelFamilyKey(kernel.generator) : questionId;
}

/** The key of a kernel question family: `<topic>-kernel-<generator>` (ids add `-<seed base 36>`). */
export function kernelFamilyKey(generator: KernelQuestionGenerator): string {
  return `${generator.topic}-kernel-${generator.id}`;
}

/**
 * The kernel question generator a key or id belongs to, with the seed when it is an id. Matched
 * against the generators themselves: hand-written ids may contain "-kernel-" too.
 */
export function kernelFamilyOf(
  key: string,
): { generator: KernelQuestionGenerator; seed?: number } | undefined {
  for (const generator of kernelQuestionGenerators) {
    const family = kernelFamilyKey(generator);
    if (key === family) return { generator };
    const rest = key.startsWith(`${family}-`) ? key.slice(family.length + 1) : '';
    if (/^[0-9a-z]{1,7}$/.test(rest)) return { generator, seed: Number.parseInt(rest, 36) };
  }
  return undefined;
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
  const kernel = kernelFamilyOf(id);
  if (kernel?.seed !== undefined) {
    const question = kernel.generator.generate(kernel.seed);
    return question.id === id ? question : undefined;
  }
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
 * A fresh draw of a question key: the corpus question itself, or for a parametric or kernel family a
 * new question with numbers from `seed`.
 */
export function freshQuestion(corpus: Corpus, key: string, seed: number): Question | undefined {
  const found = corpus.find(key);
  if (found) return found;
  const kernel = kernelFamilyOf(key);
  if (kernel) return kernel.generator.generate(seed);
  if (!isParametricKey(key)) return undefined;
  const generator = generatorOf(key);
  if (generator === undefined) return undefined;
  try {
    return generateParametricQuestion({ generator, seed });
  } catch {
    return undefined;
  }
}
