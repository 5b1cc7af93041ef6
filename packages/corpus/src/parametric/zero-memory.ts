import { formatCount, formatSig, GB, GIB, modelStateBytes, type ZeroStage } from '@mlsys/calc';
import type { Rng } from '../random/mulberry32.js';
import type { Question } from '../schema/corpus-file-schema.js';
import { choiceQuestion, type Distractor, pick } from './choice-question.js';
import type { ParametricGenerator } from './parametric-generator.js';

const PARAMS = [1.3e9, 7e9, 7.5e9, 13e9, 30e9, 70e9] as const;
const DP = [8, 16, 32, 64, 128, 256] as const;
const STAGES: readonly ZeroStage[] = [1, 2, 3];
const NAMES: Record<ZeroStage, string> = {
  0: 'no ZeRO (plain data parallel)',
  1: 'ZeRO-1 (P_os)',
  2: 'ZeRO-2 (P_os+g)',
  3: 'ZeRO-3 (P_os+g+p)',
};
const FORMULAS: Record<ZeroStage, string> = { 0: '16Ψ', 1: '4Ψ + 12Ψ/N_d', 2: '2Ψ + 14Ψ/N_d', 3: '16Ψ/N_d' };

/** Inputs of a ZeRO question: Ψ parameters, data-parallel degree N_d, stage. */
export interface ZeroParams {
  params: number;
  dp: number;
  stage: ZeroStage;
}

/**
 * Model-state memory per GPU under ZeRO with mixed-precision Adam at 16 B/param, in GB, from
 * `modelStateBytes` of `@mlsys/calc` (Rajbhandari et al. 2020, §3.1 and §5). Distractors: the other
 * stages' formulas, and the right bytes divided by 2^30 but labelled GB.
 */
export function zeroMemoryQuestion(input: ZeroParams, id: string): Question {
  const bytes = (stage: ZeroStage) => {
    const states = modelStateBytes(input.params, stage, input.dp, 16);
    return states.params + states.grads + states.optimizer;
  };
  const gb = (value: number) => `${formatSig(value / GB)} GB`;
  const right = bytes(input.stage);
  const distractors: Distractor[] = ([0, 1, 2, 3] as const)
    .filter((stage) => stage !== input.stage)
    .map((stage) => ({ label: gb(bytes(stage)), why: `That is ${NAMES[stage]}: ${FORMULAS[stage]}.` }));
  distractors.push({
    label: `${formatSig(right / GIB)} GB`,
    why: 'Divided by 2^30 (GiB) but wrote GB (10^9 B).',
  });
  const psi = formatCount(input.params);
  return choiceQuestion({
    id,
    topic: 'distributed-training',
    subtopic: 'zero',
    difficulty: 3,
    prompt:
      `A ${psi}-parameter model trains with mixed-precision Adam (2Ψ fp16 weights, 2Ψ fp16 gradients, 12Ψ fp32 ` +
      `optimizer states) on N_d = ${input.dp} data-parallel GPUs with ${NAMES[input.stage]}. How much model-state ` +
      'memory does each GPU hold, in GB (10^9 B)? Activations and buffers are not counted.',
    correct: { label: gb(right), why: `${NAMES[input.stage]} keeps ${FORMULAS[input.stage]} per GPU.` },
    distractors,
    explanation:
      `${NAMES[input.stage]} shards ${input.stage === 1 ? 'the optimizer states' : input.stage === 2 ? 'optimizer states and gradients' : 'optimizer states, gradients and weights'} ` +
      `over N_d = ${input.dp}: per GPU ${FORMULAS[input.stage]} with Ψ = ${psi} = **${gb(right)}**.\n` +
      `For comparison: no ZeRO ${gb(bytes(0))}, ZeRO-1 ${gb(bytes(1))}, ZeRO-2 ${gb(bytes(2))}, ZeRO-3 ${gb(bytes(3))}.`,
    source: 'Rajbhandari et al. 2020, ZeRO (arXiv:1910.02054), §3.1 and §5 (16 B/param; GB = 10^9 B)',
    tags: ['parametric', 'zero'],
    trap: 'Mixing up which states each ZeRO stage shards.',
  });
}

/** Draws Ψ, N_d and a stage. */
export function drawZeroParams(rng: Rng): ZeroParams {
  return { params: pick(rng, PARAMS), dp: pick(rng, DP), stage: pick(rng, STAGES) };
}

/** ZeRO model-state memory per GPU (topic distributed-training). */
export const zeroMemoryGenerator: ParametricGenerator = {
  name: 'zero-memory',
  topic: 'distributed-training',
  description: 'Model-state memory per GPU under ZeRO-1/2/3 (16 B/param, GB)',
  generate: (rng, id) => zeroMemoryQuestion(drawZeroParams(rng), id),
};
