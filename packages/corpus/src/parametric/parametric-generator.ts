import type { Rng } from '../random/mulberry32.js';
import type { Question } from '../schema/corpus-file-schema.js';
import type { TopicId } from '../schema/topics.js';

/**
 * Makes fresh questions from a calculator: random but realistic inputs drawn from `rng`, the answer
 * from `@mlsys/calc`, distractors from the mistakes people make, and an explanation with the work.
 */
export interface ParametricGenerator {
  /** Kebab-case name, e.g. `kv-cache-size`. */
  name: string;
  topic: TopicId;
  /** One line for help texts. */
  description: string;
  /** A question for this draw; `id` is the question id to use. */
  generate(rng: Rng, id: string): Question;
}
