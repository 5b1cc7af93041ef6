import { closestNames, UserError } from '@mlsys/errors';
import { createRng, type Seed, seedToInt } from '../random/seed.js';
import type { Question } from '../schema/corpus-file-schema.js';
import type { TopicId } from '../schema/topics.js';
import { chinchillaGenerator } from './chinchilla-optimal.js';
import { pick } from './choice-question.js';
import { kvCacheGenerator } from './kv-cache-size.js';
import { moeActiveGenerator } from './moe-active.js';
import type { ParametricGenerator } from './parametric-generator.js';
import { pipelineBubbleGenerator } from './pipeline-bubble.js';
import { specdecTokensGenerator } from './specdec-tokens.js';
import { zeroMemoryGenerator } from './zero-memory.js';

/** Every parametric generator, by name. */
export const PARAMETRIC_GENERATORS: readonly ParametricGenerator[] = [
  kvCacheGenerator,
  moeActiveGenerator,
  chinchillaGenerator,
  zeroMemoryGenerator,
  pipelineBubbleGenerator,
  specdecTokensGenerator,
];

/** Options of {@link generateParametricQuestion}. */
export interface ParametricOptions {
  /** A generator name (`kv-cache-size`, …); default: any generator of `topic`, or any at all. */
  generator?: string | undefined;
  topic?: TopicId | undefined;
  /** The same seed gives the same question (numbers, choices, id); a fresh seed, fresh numbers. */
  seed: Seed;
}

/**
 * A fresh question computed by a calculator. Its id is `<topic>-parametric-<generator>-<seed>`, so a
 * seed reproduces it (and answers can be matched to it).
 *
 * @throws UserError `corpus/unknown-generator` for an unknown generator name, `corpus/no-generator` when
 * no generator covers the topic.
 */
export function generateParametricQuestion(options: ParametricOptions): Question {
  const seed = seedToInt(options.seed);
  const rng = createRng(seed);
  let candidates = PARAMETRIC_GENERATORS.filter(
    (g) => options.topic === undefined || g.topic === options.topic,
  );
  if (options.generator !== undefined) {
    const name = options.generator.trim().toLowerCase();
    const names = PARAMETRIC_GENERATORS.map((g) => g.name);
    candidates = candidates.filter((g) => g.name === name);
    if (!names.includes(name)) {
      throw new UserError(
        'corpus/unknown-generator',
        `There is no parametric generator "${options.generator}".`,
        {
          suggestions: closestNames(name, names),
          example: names[0]!,
        },
      );
    }
  }
  if (candidates.length === 0) {
    const topics = [...new Set(PARAMETRIC_GENERATORS.map((g) => g.topic))];
    throw new UserError('corpus/no-generator', 'No parametric generator matches that topic and generator.', {
      suggestions: topics,
      example: 'kv-cache',
    });
  }
  const generator = pick(rng, candidates);
  return generator.generate(rng, `${generator.topic}-parametric-${generator.name}-${seed}`);
}
