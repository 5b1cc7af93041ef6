import { bubbleFraction } from '@mlsys/calc';
import type { Rng } from '../random/mulberry32.js';
import type { Question } from '../schema/corpus-file-schema.js';
import { pick } from './choice-question.js';
import type { ParametricGenerator } from './parametric-generator.js';

const STAGES = [2, 4, 8, 16] as const;
const MICRO_BATCHES = [4, 8, 16, 32, 64] as const;
const CHUNKS = [1, 1, 2, 4] as const;

/** Inputs of a bubble question: p stages, m micro-batches, v model chunks per GPU (1 = plain 1F1B). */
export interface BubbleParams {
  stages: number;
  microBatches: number;
  chunks: number;
}

/**
 * The pipeline bubble as a percentage of the ideal compute time, `(p − 1)/(v·m)`, from `bubbleFraction`
 * of `@mlsys/calc` (Narayanan et al. 2021, §2.2). A numeric question: ±2% full, ±10% half credit.
 */
export function pipelineBubbleQuestion(input: BubbleParams, id: string): Question {
  const { stages: p, microBatches: m, chunks: v } = input;
  const percent = bubbleFraction(p, m, v) * 100;
  const schedule =
    v === 1 ? 'the 1F1B schedule' : `the interleaved 1F1B schedule with v = ${v} model chunks per GPU`;
  const formula = v === 1 ? `(p − 1)/m = ${p - 1}/${m}` : `(p − 1)/(v·m) = ${p - 1}/(${v}·${m})`;
  return {
    id,
    topic: 'distributed-training',
    subtopic: 'pipeline-parallelism',
    difficulty: v === 1 ? 2 : 3,
    kind: 'numeric',
    prompt:
      `A model is split into p = ${p} pipeline stages and each batch into m = ${m} micro-batches, run with ` +
      `${schedule}. How large is the pipeline bubble, as a percentage of the ideal (bubble-free) compute time?`,
    answer: { value: Number(percent.toPrecision(12)), unit: '%', tolerance: 0.02, partialTolerance: 0.1 },
    explanation:
      `Bubble time / ideal time = ${formula} = **${Number(percent.toFixed(4))}%**. The first and last p − 1 ` +
      `slots of a batch leave stages idle${v > 1 ? '; interleaving v chunks makes each slot v times shorter' : ''}. ` +
      'More micro-batches shrink the bubble but need more activation memory in flight.',
    source: 'Narayanan et al. 2021, Megatron-LM (arXiv:2104.04473), §2.2.1 and §2.2.2',
    tags: ['parametric', 'pipeline'],
    trap: 'Using p instead of p − 1, or forgetting the v chunks of the interleaved schedule.',
  };
}

/** Draws p, m ≥ p and v. */
export function drawBubbleParams(rng: Rng): BubbleParams {
  const stages = pick(rng, STAGES);
  return {
    stages,
    microBatches: pick(
      rng,
      MICRO_BATCHES.filter((m) => m >= stages),
    ),
    chunks: pick(rng, CHUNKS),
  };
}

/** Pipeline bubble of 1F1B and interleaved schedules (topic distributed-training). */
export const pipelineBubbleGenerator: ParametricGenerator = {
  name: 'pipeline-bubble',
  topic: 'distributed-training',
  description: 'Pipeline bubble of 1F1B and interleaved schedules, in % (numeric)',
  generate: (rng, id) => pipelineBubbleQuestion(drawBubbleParams(rng), id),
};
