import { questionSchema } from '@mlsys/corpus';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { softmaxWithTemperature } from '../kernels/softmax/softmax-reference.js';
import { generateKernelQuestion, kernelQuestionGenerators } from './kernel-questions.js';

describe('kernel question generators', () => {
  it('have unique ids', () => {
    const ids = kernelQuestionGenerators.map((generator) => generator.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(kernelQuestionGenerators.map((generator) => [generator.id, generator] as const))(
    '%s makes questions the corpus schema accepts, for any seed (property)',
    (_, generator) => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
          const question = generator.generate(seed);
          const { topic, ...inFile } = question;
          const parsed = questionSchema.safeParse(inFile);
          expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
          expect(topic).toBe(generator.topic);
          expect(question.id.startsWith(`${topic}-kernel-${generator.id}-`)).toBe(true);
          expect(question.id.length).toBeLessThanOrEqual(64);
        }),
        { seed: 2024, numRuns: 80 },
      );
    },
  );

  it.each(kernelQuestionGenerators.map((generator) => [generator.id] as const))(
    '%s: the same seed gives the same question, other seeds other numbers',
    (id) => {
      expect(generateKernelQuestion(id, 12345)).toEqual(generateKernelQuestion(id, 12345));
      const prompts = new Set(
        [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => generateKernelQuestion(id, seed).prompt),
      );
      expect(prompts.size).toBeGreaterThan(4);
    },
  );

  it('rejects an unknown generator with suggestions', () => {
    expect(() => generateKernelQuestion('softmax-temprature', 1)).toThrow(/no kernel question/);
  });
});

describe('computed answers', () => {
  it('softmax-temperature: the answer is softmax(logits / T) of the asked token, read back from the prompt', () => {
    for (let seed = 0; seed < 30; seed++) {
      const question = generateKernelQuestion('softmax-temperature', seed);
      const logits = JSON.parse(/logits (\[[^\]]+\])/.exec(question.prompt)![1]!) as number[];
      const temperature = Number(/T = ([\d.]+)/.exec(question.prompt)![1]);
      const token = Number(/\*\*token (\d+)\*\*/.exec(question.prompt)![1]);
      if (question.kind !== 'numeric') throw new Error('expected numeric');
      expect(question.answer.value).toBeCloseTo(100 * softmaxWithTemperature(logits, temperature)[token]!, 3);
    }
  });

  it('causal-mask-row: the masked columns are exactly those after the row (no window) — read back', () => {
    for (let seed = 0; seed < 40; seed++) {
      const question = generateKernelQuestion('causal-mask-row', seed);
      if (question.kind !== 'multi' || question.subtopic !== 'causal-mask') continue;
      const row = Number(/\*\*row (\d+)\*\*/.exec(question.prompt)![1]);
      question.choices.forEach((choice, j) => {
        expect(choice.correct).toBe(j > row);
      });
    }
  });

  it('top-p-survivors: always keeps the most likely token', () => {
    for (let seed = 0; seed < 40; seed++) {
      const question = generateKernelQuestion('top-p-survivors', seed);
      if (question.kind !== 'multi') throw new Error('expected multi');
      const probabilities = question.choices.map((choice) => Number(/p = ([\d.]+)%/.exec(choice.text)![1]));
      const top = probabilities.indexOf(Math.max(...probabilities));
      expect(question.choices[top]!.correct).toBe(true);
    }
  });

  it('kmeans-step: a worked seed matches a hand computation', () => {
    const question = generateKernelQuestion('kmeans-step', 7);
    if (question.kind !== 'numeric') throw new Error('expected numeric');
    const points = JSON.parse(/points (\[[^\]]+\])/.exec(question.prompt)![1]!) as number[];
    const a = Number(/A = (\d+)/.exec(question.prompt)![1]);
    const b = Number(/B = (\d+)/.exec(question.prompt)![1]);
    const asked = /centroid \*\*([AB])\*\*\?/.exec(question.prompt)![1];
    const mine = points.filter((x) =>
      asked === 'A' ? Math.abs(x - a) < Math.abs(x - b) : Math.abs(x - b) < Math.abs(x - a),
    );
    expect(question.answer.value).toBeCloseTo(mine.reduce((s, x) => s + x, 0) / mine.length, 4);
  });
});
