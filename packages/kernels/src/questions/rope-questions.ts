/**
 * Positional-encoding questions computed with the RoPE reference: one rotated element, and which
 * element a given one is paired with in each layout.
 *
 * @module
 */

import type { Question } from '@mlsys/corpus';
import { applyRope, type RopeStyle, ropeFrequencies, ropePair } from '../kernels/rope/rope-reference.js';
import {
  createQuestionRandom,
  defineQuestionGenerator,
  fmt,
  fmtFactor,
  fmtList,
  generatedQuestionId,
} from './question-generator.js';

const ROPE_SOURCE = 'Su et al. 2021, RoFormer, §3.2.2 (θ_i = 10000^(−2(i−1)/d))';
const STYLE_NAME: Record<RopeStyle, string> = {
  half: 'half-split pairs (x[i], x[i + d/2]) as in GPT-NeoX and Llama',
  interleaved: 'interleaved pairs (x[2i], x[2i+1]) as in RoFormer and GPT-J',
};

/** "RoPE-rotate x at position m — what is element e?" (numeric). */
export const ropeRotationQuestion = defineQuestionGenerator({
  id: 'rope-rotation',
  topic: 'positional-encoding',
  description: 'One element of a vector rotated by RoPE at a position',
  generate(seed): Question {
    const random = createQuestionRandom(seed);
    const d = random.pick([2, 4]);
    const style: RopeStyle = random.pick(['half', 'interleaved'] as const);
    let x: number[] = [];
    let position = 0;
    let element = 0;
    let y: Float64Array = new Float64Array(0);
    // draw until the asked element is clearly non-zero (the tolerance is relative)
    do {
      x = Array.from({ length: d }, () => random.integer(-3, 3));
      position = random.integer(1, 12);
      element = random.integer(0, d - 1);
      y = applyRope(x, position, style, 10000);
    } while (Math.abs(y[element]!) < 0.1);
    const theta = ropeFrequencies(d, 10000);
    const pair = style === 'half' ? element % (d / 2) : Math.floor(element / 2);
    const [ia, ib] = ropePair(style, pair, d);
    const angle = position * theta[pair]!;
    const first = element === ia;
    const formula = first
      ? `x[${ia}]·cos − x[${ib}]·sin = ${fmtFactor(x[ia]!)}·${fmtFactor(Math.cos(angle))} − ${fmtFactor(x[ib]!)}·${fmtFactor(Math.sin(angle))}`
      : `x[${ia}]·sin + x[${ib}]·cos = ${fmtFactor(x[ia]!)}·${fmtFactor(Math.sin(angle))} + ${fmtFactor(x[ib]!)}·${fmtFactor(Math.cos(angle))}`;
    return {
      id: generatedQuestionId('positional-encoding', 'rope-rotation', seed),
      topic: 'positional-encoding',
      subtopic: 'rope',
      difficulty: d === 2 ? 2 : 3,
      kind: 'numeric',
      prompt: `Apply RoPE (base 10000, θ_i = 10000^(−2i/d) for pair i = 0 … d/2 − 1) to the ${d}-element vector x = ${fmtList(x)} at **position ${position}**, using ${STYLE_NAME[style]}. What is element **${element}** of the result (angles in radians)?`,
      answer: {
        value: Number(y[element]!.toFixed(4)),
        unit: 'dimensionless',
        tolerance: 0.01,
        partialTolerance: 0.05,
      },
      explanation: `θ = ${fmtList(theta)}. Element ${element} belongs to pair ${pair} = (x[${ia}], x[${ib}]), rotated by ${position}·θ_${pair} = ${fmt(angle)} rad: ${formula} = ${fmt(y[element]!)}. The whole result is ${fmtList(y)}; its length equals that of x, because RoPE only rotates.`,
      source: `${ROPE_SOURCE}; computed by @mlsys/kernels applyRope`,
      tags: ['rope', 'rotation', 'generated'],
      trap: 'Using degrees, or pairing the elements with the other layout.',
    };
  },
});

/** "With this layout, which element is rotated together with x[e]?" (single). */
export const ropePairingQuestion = defineQuestionGenerator({
  id: 'rope-pairing',
  topic: 'positional-encoding',
  description: 'Which element RoPE pairs with a given one, half-split vs interleaved',
  generate(seed): Question {
    const random = createQuestionRandom(seed);
    const d = random.pick([8, 16, 64, 128]);
    const style: RopeStyle = random.pick(['half', 'interleaved'] as const);
    const other: RopeStyle = style === 'half' ? 'interleaved' : 'half';
    const element =
      random.integer(1, d / 2 - 2) * (style === 'half' ? 1 : 2) +
      (style === 'half' ? 0 : random.integer(0, 1));
    const partnerIn = (s: RopeStyle): { partner: number; pair: number } => {
      for (let i = 0; i < d / 2; i++) {
        const [a, b] = ropePair(s, i, d);
        if (a === element) return { partner: b, pair: i };
        if (b === element) return { partner: a, pair: i };
      }
      throw new Error('unreachable: every element is in one pair');
    };
    const right = partnerIn(style);
    const wrong = partnerIn(other);
    const candidates = [
      right.partner,
      wrong.partner,
      (element + 1) % d,
      (element + d - 1) % d,
      d - 1 - element,
    ];
    const options = [...new Set(candidates.filter((e) => e !== element))].slice(0, 4);
    return {
      id: generatedQuestionId('positional-encoding', 'rope-pairing', seed),
      topic: 'positional-encoding',
      subtopic: 'rope',
      difficulty: 2,
      kind: 'single',
      prompt: `A head has d = ${d} elements and RoPE uses ${STYLE_NAME[style]}. Which element is rotated **together with x[${element}]** (the other coordinate of its 2-D rotation)?`,
      choices: random.shuffle(options).map((e) => ({
        text: `x[${e}]`,
        correct: e === right.partner,
        why:
          e === right.partner
            ? `x[${element}] and x[${e}] form pair ${right.pair}, rotated by position·θ_${right.pair}.`
            : e === wrong.partner
              ? `That is its partner in the ${other === 'half' ? 'half-split' : 'interleaved'} layout, not this one.`
              : 'Not its pair in either common layout.',
      })),
      explanation: `In the ${style} layout pair i is ${style === 'half' ? '(x[i], x[i + d/2])' : '(x[2i], x[2i+1])'}, so x[${element}] pairs with x[${right.partner}] (pair ${right.pair}, θ_${right.pair} = 10000^(−2·${right.pair}/${d})). The two layouts are the same rotation applied to permuted coordinates, so checkpoints are not interchangeable: Hugging Face's Llama conversion script permutes the q/k projection rows because Meta's original code rotates interleaved pairs while the Hugging Face model rotates halves.`,
      source: `${ROPE_SOURCE}; transformers convert_llama_weights_to_hf.py (permute); computed by @mlsys/kernels ropePair`,
      tags: ['rope', 'layout', 'generated'],
    };
  },
});
