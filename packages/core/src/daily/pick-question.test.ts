import { createCorpus } from '@mlsys/corpus';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../ports/seeded-random.js';
import { questionKeyOf } from '../questions/question-lookup.js';
import { SAMPLE_CORPUS_QUESTIONS, sampleCorpus } from '../testing/sample-corpus.js';
import { pickDailyQuestion, poolKeys } from './pick-question.js';

const everything = { topics: [] as string[], difficulty: { min: 1, max: 5 } };

describe('pickDailyQuestion', () => {
  it('repeats nothing until the pool is used up, then brings back the one asked longest ago', () => {
    const corpus = sampleCorpus();
    const pool = { topics: ['rag'], difficulty: { min: 1, max: 5 } };
    const random = createSeededRandom(9);
    const history: string[] = [];
    for (let day = 0; day < 12; day++) {
      history.unshift(pickDailyQuestion(corpus, pool, history, random)!.question.id);
    }
    const asked = [...history].reverse();
    const size = SAMPLE_CORPUS_QUESTIONS.length;
    // Every window of `size` consecutive days holds each question once.
    for (let i = 0; i + size <= asked.length; i++) {
      expect(new Set(asked.slice(i, i + size)).size).toBe(size);
    }
  });

  it('keeps to the difficulty range and answers undefined for an empty pool', () => {
    const corpus = sampleCorpus();
    const hard = pickDailyQuestion(
      corpus,
      { topics: ['rag'], difficulty: { min: 4, max: 5 } },
      [],
      createSeededRandom(1),
    );
    expect(hard?.question.id).toBe('rag-sample-variants');
    expect(
      pickDailyQuestion(
        corpus,
        { topics: ['moe'], difficulty: { min: 5, max: 5 } },
        [],
        createSeededRandom(1),
      ),
    ).toBeUndefined();
  });

  it('counts a parametric generator as one pool member that comes back with fresh numbers', () => {
    // No fixed kv-cache questions here: the pool is the kv-cache-size generator alone.
    const corpus = createCorpus(SAMPLE_CORPUS_QUESTIONS);
    expect(poolKeys(corpus, { ...everything, topics: ['kv-cache'] })).toEqual([
      'kv-cache-parametric-kv-cache-size',
    ]);
    const random = createSeededRandom(4);
    const history: string[] = [];
    const prompts: string[] = [];
    for (let day = 0; day < 4; day++) {
      const picked = pickDailyQuestion(corpus, { ...everything, topics: ['kv-cache'] }, history, random);
      expect(questionKeyOf(picked!.question.id)).toBe('kv-cache-parametric-kv-cache-size');
      history.unshift(picked!.question.id);
      prompts.push(picked!.question.prompt);
    }
    // A new seed (in the id) every day, and new numbers in the prompt.
    expect(new Set(history).size).toBe(4);
    expect(new Set(prompts).size).toBeGreaterThan(1);
  });
});
