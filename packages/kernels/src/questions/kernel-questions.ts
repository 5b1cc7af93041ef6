/**
 * Every kernel question generator, and one entry point to draw a question by generator and seed.
 *
 * @module
 */

import type { Question } from '@mlsys/corpus';
import { closestNames, UserError } from '@mlsys/errors';
import { swigluUnitQuestion } from './activation-questions.js';
import { causalMaskRowQuestion } from './attention-questions.js';
import { bpeEncodeQuestion } from './bpe-questions.js';
import {
  samplingStepQuestion,
  softmaxTemperatureQuestion,
  topPSurvivorsQuestion,
} from './decoding-questions.js';
import { kmeansStepQuestion } from './kmeans-questions.js';
import { rmsnormVsLayernormQuestion } from './norm-questions.js';
import type { KernelQuestionGenerator } from './question-generator.js';
import { ropePairingQuestion, ropeRotationQuestion } from './rope-questions.js';

/** The generators, by topic. */
export const kernelQuestionGenerators: readonly KernelQuestionGenerator[] = [
  softmaxTemperatureQuestion,
  topPSurvivorsQuestion,
  samplingStepQuestion,
  causalMaskRowQuestion,
  ropeRotationQuestion,
  ropePairingQuestion,
  rmsnormVsLayernormQuestion,
  swigluUnitQuestion,
  kmeansStepQuestion,
  bpeEncodeQuestion,
];

/**
 * The question generator `id` makes from `seed` (same seed, same question).
 * @throws UserError naming the generators when `id` is unknown.
 */
export function generateKernelQuestion(id: string, seed: number): Question {
  const generator = kernelQuestionGenerators.find((candidate) => candidate.id === id);
  if (!generator) {
    const ids = kernelQuestionGenerators.map((candidate) => candidate.id);
    throw new UserError(
      'kernels/unknown-question',
      `There is no kernel question "${id}". Known: ${ids.join(', ')}.`,
      {
        suggestions: closestNames(id, ids),
        example: ids[0] ?? 'softmax-temperature',
      },
    );
  }
  return generator.generate(seed);
}
