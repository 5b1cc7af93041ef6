import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBpeMerges, learnBpeMerges, type MergePair, mergePair } from './bpe.js';

// The vocabulary of Algorithm 1 in Sennrich et al. 2016: low ×5, lower ×2, newest ×6, widest ×3.
const SENNRICH_WORDS: [string, number][] = [
  ['low', 5],
  ['lower', 2],
  ['newest', 6],
  ['widest', 3],
];

describe('learnBpeMerges', () => {
  it("reproduces Algorithm 1's first ten merges on the paper's vocabulary (run in CPython 3)", () => {
    // The paper's listing, run with Python 3 dict order, prints exactly these ten pairs.
    expect(learnBpeMerges(SENNRICH_WORDS, 10, { endOfWord: '</w>' })).toEqual([
      ['e', 's'],
      ['es', 't'],
      ['est', '</w>'],
      ['l', 'o'],
      ['lo', 'w'],
      ['n', 'e'],
      ['ne', 'w'],
      ['new', 'est</w>'],
      ['low', '</w>'],
      ['w', 'i'],
    ]);
  });

  it('stops when every word is one symbol', () => {
    expect(learnBpeMerges([['ab', 1]], 5)).toEqual([['a', 'b']]);
  });
});

describe('applyBpeMerges', () => {
  const merges = learnBpeMerges(SENNRICH_WORDS, 10, { endOfWord: '</w>' });

  it.each([
    // an unseen word splits into the learned pieces: low + est</w>
    ['lowest', ['low', 'est</w>']],
    ['newest', ['newest</w>']],
    ['lower', ['low', 'e', 'r', '</w>']],
    ['wide', ['wi', 'd', 'e', '</w>']],
  ])('%s → %j', (word, tokens) => {
    expect(applyBpeMerges(word, merges, { endOfWord: '</w>' }).tokens).toEqual(tokens);
  });

  it('applies the lowest-rank pair first, not the leftmost pair', () => {
    const ranked: MergePair[] = [
      ['b', 'c'],
      ['a', 'b'],
    ];
    const { tokens, steps } = applyBpeMerges('abc', ranked);
    expect(tokens).toEqual(['a', 'bc']); // "a b" never fires: b was taken by "b c" (rank 0)
    expect(steps.map((step) => step.rank)).toEqual([0]);
  });

  it('merges every occurrence of the chosen pair in one step, without overlaps', () => {
    expect(mergePair(['a', 'a', 'a'], ['a', 'a'])).toEqual(['aa', 'a']);
    const { steps } = applyBpeMerges('aaaa', [['a', 'a']]);
    expect(steps[0]!.symbols).toEqual(['aa', 'aa']);
  });

  it('handles code points beyond the BMP as one character', () => {
    expect(applyBpeMerges('🙂🙂', [['🙂', '🙂']]).tokens).toEqual(['🙂🙂']);
  });

  it('never changes the text, and learned merges encode their training words without leftover pairs (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 6 }),
        (words) => {
          const merges = learnBpeMerges(words, 8);
          for (const [text] of words) {
            const { tokens } = applyBpeMerges(text, merges);
            expect(tokens.join('')).toBe(text);
            const ranks = new Set(merges.map(([a, b]) => `${a} ${b}`));
            for (let i = 0; i + 1 < tokens.length; i++)
              expect(ranks.has(`${tokens[i]} ${tokens[i + 1]}`)).toBe(false);
          }
        },
      ),
      { seed: 31, numRuns: 200 },
    );
  });
});
