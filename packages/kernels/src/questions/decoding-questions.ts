/**
 * Decoding questions computed with the softmax and sampling references: a probability at a
 * temperature, the survivors of top-p, and the token a sampling step picks.
 *
 * @module
 */

import type { Question } from '@mlsys/corpus';
import {
  decisionMargin,
  type FilteredRow,
  filterRow,
  rankDescending,
  type SamplingSettings,
  sampleFromFiltered,
} from '../kernels/sampling/sampling-reference.js';
import { softmaxWithTemperature } from '../kernels/softmax/softmax-reference.js';
import {
  createQuestionRandom,
  defineQuestionGenerator,
  fmt,
  fmtList,
  generatedQuestionId,
  type QuestionRandom,
} from './question-generator.js';

/** 3–5 distinct logits with one decimal in [−2, 4]. */
function drawLogits(random: QuestionRandom, count: number): number[] {
  const logits: number[] = [];
  while (logits.length < count) {
    const value = random.grid(-2, 4, 0.1);
    if (logits.every((other) => Math.abs(other - value) >= 0.2)) logits.push(value);
  }
  return logits;
}

const TEMPERATURE_SOURCE = 'Hinton, Vinyals & Dean 2015, Distilling the Knowledge in a Neural Network, §2';

/** "softmax of these logits at temperature T — probability of token i?" (numeric, percent). */
export const softmaxTemperatureQuestion = defineQuestionGenerator({
  id: 'softmax-temperature',
  topic: 'decoding',
  description: 'Probability of one token after softmax at a temperature',
  generate(seed): Question {
    const random = createQuestionRandom(seed);
    const logits = drawLogits(random, random.integer(3, 4));
    const temperature = random.pick([0.5, 0.7, 1.5, 2]);
    const token = random.integer(0, logits.length - 1);
    const probs = softmaxWithTemperature(logits, temperature);
    const scaled = logits.map((z) => z / temperature);
    const exps = scaled.map((z) => Math.exp(z));
    const sum = exps.reduce((a, b) => a + b, 0);
    const plain = softmaxWithTemperature(logits, 1)[token]!;
    return {
      id: generatedQuestionId('decoding', 'softmax-temperature', seed),
      topic: 'decoding',
      subtopic: 'temperature',
      difficulty: 2,
      kind: 'numeric',
      prompt: `A model outputs logits ${fmtList(logits, 1)} (tokens 0–${logits.length - 1}). Sampling at temperature **T = ${temperature}**, what is the probability of **token ${token}**, in percent?`,
      answer: {
        value: Number((100 * probs[token]!).toFixed(4)),
        unit: '%',
        tolerance: 0.01,
        partialTolerance: 0.05,
      },
      explanation: `Divide the logits by T: ${fmtList(scaled, 3)}. Exponentiate: ${fmtList(exps, 3)}, sum ${fmt(sum, 3)}. Token ${token}: ${fmt(exps[token]!, 3)} / ${fmt(sum, 3)} = ${fmt(100 * probs[token]!, 2)}%. At T = 1 it would be ${fmt(100 * plain, 2)}%: T < 1 sharpens the distribution toward the largest logit, T > 1 flattens it. In code, subtract the largest logit first so exp cannot overflow.`,
      source: `${TEMPERATURE_SOURCE}; computed by @mlsys/kernels softmaxWithTemperature`,
      tags: ['temperature', 'softmax', 'generated'],
      trap: 'Multiplying the logits by T instead of dividing.',
    };
  },
});

/** "Which tokens survive top-p = p?" (multi). */
export const topPSurvivorsQuestion = defineQuestionGenerator({
  id: 'top-p-survivors',
  topic: 'decoding',
  description: 'Which tokens a top-p (nucleus) filter keeps',
  generate(seed): Question {
    const random = createQuestionRandom(seed);
    let logits: number[];
    let p: number;
    let row: FilteredRow;
    // redraw until no prefix mass lies within 0.01 of p (rounded percentages stay unambiguous)
    do {
      logits = drawLogits(random, random.integer(4, 5));
      p = random.pick([0.5, 0.6, 0.75, 0.8, 0.9]);
      row = filterRow(logits, { k: 0, p, temperature: 1 });
    } while (decisionMargin(row, { k: 0, p, temperature: 1 }) < 0.01);
    const probs = softmaxWithTemperature(logits, 1);
    const ranked = rankDescending(logits);
    const kept = new Set(row.kept);
    let before = 0;
    const steps = ranked.map((token) => {
      const line = `token ${token} ${fmt(100 * probs[token]!, 1)}% (mass before it ${fmt(100 * before, 1)}%)`;
      before += probs[token]!;
      return line;
    });
    return {
      id: generatedQuestionId('decoding', 'top-p-survivors', seed),
      topic: 'decoding',
      subtopic: 'top-p',
      difficulty: 3,
      kind: 'multi',
      prompt: `Logits ${fmtList(logits, 1)} for tokens 0–${logits.length - 1}, temperature 1. Which tokens survive **top-p (nucleus) filtering with p = ${p}**? Select all that survive.`,
      choices: logits.map((z, token) => ({
        text: `Token ${token} (logit ${fmt(z, 1)}, p = ${fmt(100 * probs[token]!, 1)}%)`,
        correct: kept.has(token),
        why: kept.has(token)
          ? `The tokens ranked above it hold less than ${p} of the mass, so it is needed to reach p.`
          : `The tokens ranked above it already hold at least ${p} of the mass.`,
      })),
      explanation: `Sort by probability and keep the smallest prefix whose mass reaches p: ${steps.join('; ')}. A token survives while the mass ranked before it is below ${p}, so the survivors are ${row.kept.map((t) => `token ${t}`).join(', ')}. The survivors are then renormalised to sum to 1. The most likely token always survives.`,
      source:
        'Holtzman et al. 2020, The Curious Case of Neural Text Degeneration, §3.1; computed by @mlsys/kernels filterRow',
      tags: ['top-p', 'nucleus-sampling', 'generated'],
      trap: 'Keeping only tokens whose own probability exceeds p, or stopping one token too early.',
    };
  },
});

/** "With top-k, top-p and the draw u, which token is sampled?" (single). */
export const samplingStepQuestion = defineQuestionGenerator({
  id: 'sampling-step',
  topic: 'decoding',
  description: 'Which token one top-k + top-p sampling step picks for a given uniform draw',
  generate(seed): Question {
    const random = createQuestionRandom(seed);
    let logits: number[];
    let settings: SamplingSettings;
    let row: FilteredRow;
    do {
      logits = drawLogits(random, 5);
      settings = { k: random.integer(2, 4), p: random.pick([0.7, 0.8, 0.9, 1]), temperature: 1 };
      row = filterRow(logits, settings);
    } while (decisionMargin(row, settings) < 0.01);
    const { k, p } = settings;
    // a draw at least 0.02 away from every cumulative boundary, so rounding cannot change the answer
    let u = 0;
    for (let tries = 0; tries < 100; tries++) {
      u = random.grid(0.01, 0.99, 0.01);
      let cumulative = 0;
      let clear = true;
      for (const q of row.keptProbs) {
        cumulative += q;
        if (Math.abs(cumulative - u) < 0.02) clear = false;
      }
      if (clear) break;
    }
    const token = sampleFromFiltered(row, u);
    let cumulative = 0;
    const cdf = row.kept.map((t, j) => {
      cumulative += row.keptProbs[j]!;
      return `token ${t} → ${fmt(cumulative, 3)}`;
    });
    const choiceTokens = random
      .shuffle([...new Set([token, ...rankDescending(logits).slice(0, 4)])])
      .slice(0, 5);
    return {
      id: generatedQuestionId('decoding', 'sampling-step', seed),
      topic: 'decoding',
      subtopic: 'sampling',
      difficulty: 4,
      kind: 'single',
      prompt: `Logits ${fmtList(logits, 1)} (tokens 0–4), temperature 1. The sampler applies **top-k = ${k}**, then **top-p = ${p}**, renormalises, and picks by inverse CDF over the survivors sorted most likely first: the first token whose cumulative probability exceeds the uniform draw **u = ${u}**. Which token is sampled?`,
      choices: choiceTokens.map((t) => ({
        text: `Token ${t} (logit ${fmt(logits[t]!, 1)})`,
        correct: t === token,
        why:
          t === token
            ? `Its cumulative probability is the first to exceed u = ${u}.`
            : row.kept.includes(t)
              ? 'It survives the filters, but u does not fall in its slice of the CDF.'
              : 'The top-k or top-p filter removed it, so it cannot be sampled.',
      })),
      explanation: `Top-k = ${k} keeps the ${k} largest logits; top-p = ${p} on their renormalised softmax keeps ${row.kept.length} token(s): ${row.kept.map((t) => `token ${t}`).join(', ')}. Renormalised cumulative probabilities: ${cdf.join(', ')}. The first to exceed u = ${u} is token ${token}. Hugging Face applies temperature, then top-k, then top-p, in that order.`,
      source:
        'Fan et al. 2018 (top-k), §5.4; Holtzman et al. 2020 (top-p), §3.1; computed by @mlsys/kernels sampleFromFiltered',
      tags: ['sampling', 'top-k', 'top-p', 'generated'],
      trap: 'Applying top-p to the unfiltered distribution, or reading the CDF in vocabulary order.',
    };
  },
});
