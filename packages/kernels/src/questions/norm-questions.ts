/**
 * Normalization questions computed with the LayerNorm and RMSNorm references.
 *
 * @module
 */

import type { Question } from '@mlsys/corpus';
import { layerNormRows, rmsNormRows } from '../kernels/norm/norm-reference.js';
import {
  createQuestionRandom,
  defineQuestionGenerator,
  fmt,
  fmtList,
  generatedQuestionId,
} from './question-generator.js';

/** "x = […], γ = 1, β = 0, ε = 0: what does RMSNorm (or LayerNorm) output for element j?" (single). */
export const rmsnormVsLayernormQuestion = defineQuestionGenerator({
  id: 'rmsnorm-vs-layernorm',
  topic: 'normalization',
  description: 'RMSNorm vs LayerNorm output for a small vector',
  generate(seed): Question {
    const random = createQuestionRandom(seed);
    const asked = random.pick(['RMSNorm', 'LayerNorm'] as const);
    let x: number[] = [];
    do x = Array.from({ length: 4 }, () => random.integer(-2, 6));
    while (new Set(x).size < 3 || x.reduce((a, b) => a + b, 0) === 0);
    const j = random.integer(0, 3);
    const shape = { rows: 1, hidden: 4, epsilon: 0 };
    const ones = [1, 1, 1, 1];
    const rms = rmsNormRows(x, ones, shape)[j]!;
    const layer = layerNormRows(x, ones, null, shape)[j]!;
    const mean = x.reduce((a, b) => a + b, 0) / 4;
    const meanSquare = x.reduce((a, b) => a + b * b, 0) / 4;
    const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / 4;
    const candidates = [
      { value: rms, label: 'RMSNorm', why: `x_j / √(mean(x²)) = ${fmt(x[j]!)} / √${fmt(meanSquare)}.` },
      {
        value: layer,
        label: 'LayerNorm',
        why: `(x_j − mean) / √var = (${fmt(x[j]!)} − ${fmt(mean)}) / √${fmt(variance)}.`,
      },
      {
        value: x[j]! / Math.sqrt(variance),
        label: 'no centring, std',
        why: 'Divides by the standard deviation without subtracting the mean.',
      },
      {
        value: x[j]! / Math.sqrt(4 * meanSquare),
        label: 'L2 norm',
        why: 'Divides by the L2 norm ‖x‖, not the root mean square (off by √d).',
      },
      {
        value: (x[j]! - mean) / Math.sqrt(meanSquare),
        label: 'centred over RMS',
        why: 'Subtracts the mean but divides by the RMS of the uncentred x.',
      },
    ];
    const right = asked === 'RMSNorm' ? rms : layer;
    const seen = new Set<string>();
    const choices = candidates
      .filter((c) => {
        const key = fmt(c.value, 3);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((c) => ({
        text: fmt(c.value, 3),
        correct: c.value === right,
        why:
          c.value === right
            ? `${asked}: ${c.why}`
            : c.label === 'RMSNorm' || c.label === 'LayerNorm'
              ? `That is the ${c.label} output: ${c.why}`
              : c.why,
      }));
    return {
      id: generatedQuestionId('normalization', 'rmsnorm-vs-layernorm', seed),
      topic: 'normalization',
      subtopic: asked === 'RMSNorm' ? 'rmsnorm' : 'layernorm',
      difficulty: 2,
      kind: 'single',
      prompt: `x = ${fmtList(x)}, with γ = 1, β = 0 and ε = 0. What does **${asked}** output for element ${j} (x_${j} = ${fmt(x[j]!)}), to 3 decimals?`,
      choices: random.shuffle(choices),
      explanation: `mean = ${fmt(mean)}, mean(x²) = ${fmt(meanSquare)}, variance = mean(x²) − mean² = ${fmt(variance)}. RMSNorm: ${fmt(x[j]!)}/√${fmt(meanSquare)} = ${fmt(rms, 3)}. LayerNorm: (${fmt(x[j]!)} − ${fmt(mean)})/√${fmt(variance)} = ${fmt(layer, 3)}. RMSNorm skips the mean subtraction (and the bias), so it equals LayerNorm only when the mean is 0; Zhang & Sennrich found re-centring unnecessary in practice, and Llama, Mistral and Qwen use RMSNorm.`,
      source:
        'Ba et al. 2016, Layer Normalization; Zhang & Sennrich 2019, Root Mean Square Layer Normalization; computed by @mlsys/kernels',
      tags: ['rmsnorm', 'layernorm', 'generated'],
      trap: 'Dividing by the L2 norm instead of the RMS, or centring in RMSNorm.',
    };
  },
});
