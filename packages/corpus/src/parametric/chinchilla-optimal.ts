import { chinchilla, formatCount, formatScientific } from '@mlsys/calc';
import type { Rng } from '../random/mulberry32.js';
import type { Question } from '../schema/corpus-file-schema.js';
import { choiceQuestion, pick } from './choice-question.js';
import type { ParametricGenerator } from './parametric-generator.js';

/** Tokens per parameter of a compute-optimal run (Hoffmann et al. 2022, Approach 1, Table 3: ≈ 20). */
export const TOKENS_PER_PARAM = 20;

const SOURCE =
  'Hoffmann et al. 2022 (arXiv:2203.15556), Table 3 (≈20 tokens/param); C ≈ 6ND (Kaplan et al. 2020, §2.1)';
const PARAMS = [4e8, 1e9, 3e9, 7e9, 13e9, 34e9, 70e9, 175e9, 405e9] as const;
const BUDGETS = [1e21, 3e21, 1e22, 3e22, 1e23, 5.76e23, 1e24, 3e24, 1e25] as const;

/** FLOPs of a compute-optimal run of `params` parameters (D = 20N, C = 6ND through `chinchilla`). */
export function chinchillaComputeQuestion(params: number, id: string): Question {
  const tokens = TOKENS_PER_PARAM * params;
  const { flops } = chinchilla({ method: 'table', params, tokens });
  const show = (value: number) => `${formatScientific(value)} FLOPs`;
  return choiceQuestion({
    id,
    topic: 'scaling-laws',
    subtopic: 'compute-optimal',
    difficulty: 2,
    prompt:
      `A ${formatCount(params)}-parameter dense model is trained compute-optimally, at Chinchilla's ≈20 tokens per ` +
      'parameter. Roughly how much training compute does it take, with C ≈ 6·N·D?',
    correct: {
      label: show(flops),
      why: `D = 20 · ${formatCount(params)} = ${formatCount(tokens)}; C = 6ND.`,
    },
    distractors: [
      {
        label: show(2 * params * tokens),
        why: 'That is the forward pass only (2ND); the backward pass adds 4ND.',
      },
      { label: show(params * tokens), why: 'Drops the 6 FLOPs per parameter per token.' },
      { label: show(6 * params * params), why: 'Uses D = N; compute-optimal D is about 20N.' },
    ],
    explanation:
      `Compute-optimal tokens: D ≈ 20 · N = 20 · ${formatCount(params)} = ${formatCount(tokens)}.\n` +
      `Training compute: C ≈ 6 · N · D = 6 · ${formatCount(params)} · ${formatCount(tokens)} = **${show(flops)}** ` +
      '(2ND forward, 4ND backward; attention FLOPs left out, as in the paper).',
    source: SOURCE,
    tags: ['parametric', 'chinchilla'],
    trap: 'Counting the forward pass only (2ND).',
  });
}

/** Compute-optimal parameters for a FLOP budget: C = 6·N·20N = 120N², so N = √(C/120). */
export function chinchillaParamsQuestion(flops: number, id: string): Question {
  const params = Math.sqrt(flops / (6 * TOKENS_PER_PARAM));
  const tokens = TOKENS_PER_PARAM * params;
  const check = chinchilla({ method: 'table', params, tokens }).flops;
  if (Math.abs(check - flops) > 1e-9 * flops)
    throw new Error('chinchilla generator: C = 6ND does not round-trip');
  const show = (value: number) => `${formatCount(value)} parameters`;
  return choiceQuestion({
    id,
    topic: 'scaling-laws',
    subtopic: 'compute-optimal',
    difficulty: 3,
    prompt:
      `You have a training budget of ${formatScientific(flops)} FLOPs. With C ≈ 6·N·D and Chinchilla's ≈20 tokens ` +
      'per parameter, which model size is compute-optimal?',
    correct: { label: show(params), why: 'C = 6 · N · 20N = 120N², so N = √(C/120).' },
    distractors: [
      { label: show(Math.sqrt(flops / 6)), why: 'Sets D = N: C = 6N², so N = √(C/6); D should be 20N.' },
      { label: show(Math.sqrt(flops / (2 * TOKENS_PER_PARAM))), why: 'Uses 2ND (forward only): C = 40N².' },
      { label: show(Math.sqrt(flops / TOKENS_PER_PARAM)), why: 'Drops the 6: C = 20N².' },
    ],
    explanation:
      `With D = 20N, C = 6 · N · 20N = 120 · N², so N = √(C/120) = √(${formatScientific(flops)}/120) = ` +
      `**${formatCount(params)}** parameters, trained on D = 20N = ${formatCount(tokens)} tokens.`,
    source: SOURCE,
    tags: ['parametric', 'chinchilla'],
    trap: 'Forgetting that D grows with N: C scales with N², not N.',
  });
}

/** Compute-optimal training FLOPs from a model size, or model size from a budget (topic scaling-laws). */
export const chinchillaGenerator: ParametricGenerator = {
  name: 'chinchilla-optimal',
  topic: 'scaling-laws',
  description: 'Compute-optimal FLOPs for a model size, or model size for a FLOP budget (≈20 tokens/param)',
  generate: (rng: Rng, id) =>
    rng() < 0.5
      ? chinchillaComputeQuestion(pick(rng, PARAMS), id)
      : chinchillaParamsQuestion(pick(rng, BUDGETS), id),
};
