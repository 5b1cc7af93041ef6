import { describe, expect, it } from 'vitest';
import { fixtureQuestion } from '../testing/fixture-question.js';
import { findNearDuplicates, jaccard, promptWords } from './near-duplicates.js';

describe('promptWords', () => {
  it('ignores case, markup and punctuation but keeps decimals', () => {
    expect([...promptWords('**GQA** keeps `8` KV heads. Is 0.5 right?')]).toEqual([
      'gqa',
      'keeps',
      '8',
      'kv',
      'heads',
      'is',
      '0.5',
      'right',
    ]);
  });
});

describe('jaccard', () => {
  it.each([
    [['a', 'b'], ['a', 'b'], 1],
    [['a', 'b'], ['c'], 0],
    [['a', 'b', 'c'], ['a', 'b', 'd'], 2 / 4],
    [[], [], 1],
  ])('J(%j, %j) = %d', (a, b, expected) => {
    expect(jaccard(new Set(a), new Set(b))).toBeCloseTo(expected, 12);
  });
});

describe('findNearDuplicates', () => {
  const q = (id: string, prompt: string) => fixtureQuestion({ id, prompt });
  const base = 'How many bytes of KV cache does one token of Llama-3.1-70B take in bf16 with 8 KV heads?';

  it('pairs prompts that differ by punctuation, case or a word, and nothing else', () => {
    const questions = [
      q('kv-cache-a', base),
      q('kv-cache-b', base.toUpperCase().replace('?', '!!')),
      q('kv-cache-c', base.replace('bf16', 'fp8')),
      q('kv-cache-d', 'Which normalization does Llama use, and where is it placed in the block?'),
    ];
    const pairs = findNearDuplicates(questions);
    expect(pairs.map((pair) => [pair.a, pair.b])).toEqual([
      ['kv-cache-a', 'kv-cache-b'],
      ['kv-cache-a', 'kv-cache-c'],
      ['kv-cache-b', 'kv-cache-c'],
    ]);
    expect(pairs[0]!.similarity).toBe(1);
    // 18 distinct words (Llama-3.1-70B gives llama, 3.1, 70b), one swapped: 17 shared of 19.
    expect(pairs[1]!.similarity).toBeCloseTo(17 / 19, 12);
  });

  it('respects the threshold', () => {
    const questions = [q('kv-cache-a', base), q('kv-cache-c', base.replace('bf16', 'fp8'))];
    expect(findNearDuplicates(questions, 0.95)).toEqual([]);
  });
});
