/**
 * The shape of a kernel question generator and the small seeded helpers the generators share.
 * A generator turns a seed into one corpus question whose answer is COMPUTED by the plain-TypeScript
 * references of this package (no onnxruntime): the same seed gives the same question, a fresh seed
 * fresh numbers.
 *
 * @module
 */

import type { Question, TopicId } from '@mlsys/corpus';
import type { KernelRandom } from '../kernel-definition.js';
import { createRandom } from '../random.js';

/** A seeded question generator for one kernel computation. */
export interface KernelQuestionGenerator {
  /** Kebab-case name, unique among generators, e.g. `softmax-temperature`. */
  id: string;
  /** The corpus topic the questions belong to. */
  topic: TopicId;
  /** One line for people: what the question asks. */
  description: string;
  /** The question for `seed` (any 32-bit integer; other numbers are truncated to one). */
  generate(seed: number): Question;
}

/** Declares a generator (identity, for type checking). */
export function defineQuestionGenerator(generator: KernelQuestionGenerator): KernelQuestionGenerator {
  return generator;
}

/** The stable id of the question a generator makes from `seed`: `<topic>-kernel-<generator>-<seed base 36>`. */
export function generatedQuestionId(topic: TopicId, generator: string, seed: number): string {
  return `${topic}-kernel-${generator}-${(seed >>> 0).toString(36)}`;
}

/** Seeded picks for generators. */
export interface QuestionRandom extends KernelRandom {
  /** A whole number in [min, max]. */
  integer(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A multiple of `step` in [min, max] (e.g. logits with one decimal). */
  grid(min: number, max: number, step: number): number;
  /** The items in a seeded order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** A {@link QuestionRandom} from a seed (mulberry32 underneath, see `createRandom`). */
export function createQuestionRandom(seed: number): QuestionRandom {
  const random = createRandom(seed);
  const integer = (min: number, max: number) => min + Math.floor(random.uniform() * (max - min + 1));
  return {
    ...random,
    integer,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[integer(0, items.length - 1)]!;
    },
    grid: (min, max, step) => {
      const steps = Math.round((max - min) / step);
      return Number((min + integer(0, steps) * step).toFixed(10));
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = integer(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

/** A number for a prompt or explanation: at most `digits` decimals, trailing zeros dropped, −0 as 0. */
export function fmt(value: number, digits = 4): string {
  const rounded = Number(value.toFixed(digits));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** {@link fmt}, in parentheses when negative, for products written out: `2·(-0.7568)`. */
export function fmtFactor(value: number, digits = 4): string {
  const text = fmt(value, digits);
  return text.startsWith('-') ? `(${text})` : text;
}

/** A list of numbers as `[a, b, c]`. */
export function fmtList(values: ArrayLike<number>, digits = 4): string {
  return `[${Array.from(values, (value) => fmt(value, digits)).join(', ')}]`;
}
