import { loadBuiltinCorpus } from '@mlsys/corpus';
import { kernelQuestionGenerators } from '@mlsys/kernels/pure';
import { describe, expect, it } from 'vitest';
import { poolKeys } from '../daily/pick-question.js';
import { findQuestion, freshQuestion, kernelFamilyOf, questionKeyOf } from './question-lookup.js';

describe('kernel questions in the draws', () => {
  it('puts each kernel question family in the pool of its topic', async () => {
    const corpus = await loadBuiltinCorpus();
    const decoding = poolKeys(corpus, { topics: ['decoding'], difficulty: { min: 1, max: 5 } });
    const expected = kernelQuestionGenerators
      .filter((g) => g.topic === 'decoding')
      .map((g) => `decoding-kernel-${g.id}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(decoding).toEqual(expect.arrayContaining(expected));
  });

  it('draws fresh numbers per seed, finds a drawn question again by its id, and rates it under its family', async () => {
    const corpus = await loadBuiltinCorpus();
    const generator = kernelQuestionGenerators[0]!;
    const family = `${generator.topic}-kernel-${generator.id}`;
    const first = freshQuestion(corpus, family, 11)!;
    const second = freshQuestion(corpus, family, 12)!;
    expect(first).toEqual(generator.generate(11));
    expect(second.id).not.toBe(first.id);
    expect(findQuestion(corpus, first.id)).toEqual(first);
    expect(questionKeyOf(first.id)).toBe(family);
  });

  it('leaves hand-written ids that merely contain "-kernel-" alone', async () => {
    const corpus = await loadBuiltinCorpus();
    const handWritten = corpus.questions.find((q) => q.id.includes('-kernel-'));
    expect(handWritten).toBeDefined();
    expect(kernelFamilyOf(handWritten!.id)).toBeUndefined();
    expect(questionKeyOf(handWritten!.id)).toBe(handWritten!.id);
    expect(freshQuestion(corpus, handWritten!.id, 1)).toBe(handWritten);
  });
});
