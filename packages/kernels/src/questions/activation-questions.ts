/**
 * Activation questions computed with the SwiGLU reference.
 *
 * @module
 */

import type { Question } from '@mlsys/corpus';
import { silu } from '../kernels/swiglu/swiglu-reference.js';
import {
  createQuestionRandom,
  defineQuestionGenerator,
  fmt,
  generatedQuestionId,
} from './question-generator.js';

/** "gate pre-activation g, up projection u: the SwiGLU hidden unit SiLU(g)·u?" (numeric). */
export const swigluUnitQuestion = defineQuestionGenerator({
  id: 'swiglu-unit',
  topic: 'activations',
  description: 'One hidden unit of a SwiGLU MLP from its gate and up values',
  generate(seed): Question {
    const random = createQuestionRandom(seed);
    let gate = 0;
    let up = 0;
    do {
      gate = random.grid(-3, 3, 0.5);
      up = random.grid(-2, 2, 0.5);
    } while (Math.abs(silu(gate) * up) < 0.05);
    const sigma = 1 / (1 + Math.exp(-gate));
    const value = silu(gate) * up;
    return {
      id: generatedQuestionId('activations', 'swiglu-unit', seed),
      topic: 'activations',
      subtopic: 'swiglu',
      difficulty: 2,
      kind: 'numeric',
      prompt: `In a Llama-style SwiGLU MLP, one hidden unit has gate pre-activation (x·W_gate) = **${fmt(gate)}** and up projection (x·W_up) = **${fmt(up)}**. What value does this unit pass to the down projection?`,
      answer: {
        value: Number(value.toFixed(4)),
        unit: 'dimensionless',
        tolerance: 0.01,
        partialTolerance: 0.05,
      },
      explanation: `SwiGLU multiplies SiLU(gate) by up: SiLU(z) = z·σ(z), σ(${fmt(gate)}) = ${fmt(sigma)}, so SiLU(${fmt(gate)}) = ${fmt(silu(gate))}, and ${fmt(silu(gate))} × ${fmt(up)} = ${fmt(value)}. The up branch is linear (no activation), which is what makes it a gated linear unit. SiLU is not ReLU: it is slightly negative for negative inputs, with minimum ≈ −0.278 at z ≈ −1.278.`,
      source:
        'Shazeer 2020, GLU Variants Improve Transformer, §2; Elfwing et al. 2018 (SiLU); computed by @mlsys/kernels silu',
      tags: ['swiglu', 'silu', 'generated'],
      trap: 'Applying SiLU to the up branch too, or using ReLU (which would give 0 for a negative gate).',
    };
  },
});
