import { expectedTokensPerStep, formatSig } from '@mlsys/calc';
import type { Rng } from '../random/mulberry32.js';
import type { Question } from '../schema/corpus-file-schema.js';
import { choiceQuestion, pick } from './choice-question.js';
import type { ParametricGenerator } from './parametric-generator.js';

const ALPHAS = [0.5, 0.6, 0.7, 0.8, 0.9] as const;
const GAMMAS = [2, 3, 4, 5, 6, 8] as const;

/**
 * Expected tokens per target-model pass in speculative decoding, `(1 − α^(γ+1))/(1 − α)`, from
 * `expectedTokensPerStep` of `@mlsys/calc` (Leviathan et al. 2023, §3.1, Eq. 1). Distractors: every draft
 * accepted (γ + 1), α·γ + 1 (acceptances as if independent of the first rejection), the accepted drafts
 * without the target's own token, and γ instead of γ + 1 in the exponent.
 */
export function specdecTokensQuestion(alpha: number, gamma: number, id: string): Question {
  const right = expectedTokensPerStep(alpha, gamma);
  const show = (value: number) => `${formatSig(value)} tokens`;
  return choiceQuestion({
    id,
    topic: 'speculative-decoding',
    subtopic: 'expected-tokens',
    difficulty: 3,
    prompt:
      `A draft model proposes γ = ${gamma} tokens per step and the target model accepts each with probability ` +
      `α = ${alpha}, independently, stopping at the first rejection. How many tokens does one target-model pass ` +
      'produce on average, counting the token the target adds itself?',
    correct: { label: show(right), why: `(1 − α^(γ+1))/(1 − α) with α = ${alpha}, γ = ${gamma}.` },
    distractors: [
      { label: show(gamma + 1), why: 'Assumes every draft token is accepted.' },
      { label: show(alpha * gamma + 1), why: 'α·γ ignores that the first rejection discards the rest.' },
      { label: show(right - 1), why: 'Counts the accepted drafts but not the token the target adds.' },
      { label: show((1 - alpha ** gamma) / (1 - alpha)), why: 'Uses α^γ; the exponent is γ + 1.' },
    ],
    explanation:
      `Draft token i survives with probability α^i, and the target always adds one token, so the expected count ` +
      `is 1 + α + … + α^γ = (1 − α^(γ+1))/(1 − α) = (1 − ${alpha}^${gamma + 1})/(1 − ${alpha}) = **${formatSig(right, 4)}**. ` +
      'Wall-clock speed-up is lower: divide by (γ·c + 1), where c is the cost of a draft run relative to a target run.',
    source:
      'Leviathan et al. 2023, Fast Inference from Transformers via Speculative Decoding (arXiv:2211.17192), §3.1, Eq. 1',
    tags: ['parametric', 'speculative-decoding'],
    trap: 'Taking α·γ as the accepted count: acceptance stops at the first rejection.',
  });
}

/** Expected tokens per target pass for random α and γ (topic speculative-decoding). */
export const specdecTokensGenerator: ParametricGenerator = {
  name: 'specdec-tokens',
  topic: 'speculative-decoding',
  description: 'Expected tokens per target-model pass for acceptance rate α and draft length γ',
  generate: (rng: Rng, id) => specdecTokensQuestion(pick(rng, ALPHAS), pick(rng, GAMMAS), id),
};
