/**
 * Tokenization questions computed with the BPE reference: encoding a word with ranked merges.
 *
 * @module
 */

import type { Question } from '@mlsys/corpus';
import { applyBpeMerges, learnBpeMerges, type MergePair, toSymbols } from '../kernels/bpe/bpe.js';
import { createQuestionRandom, defineQuestionGenerator, generatedQuestionId } from './question-generator.js';

const show = (tokens: readonly string[]) => tokens.join(' | ');

/** "These merges, in rank order; how is word w tokenized?" (single). */
export const bpeEncodeQuestion = defineQuestionGenerator({
  id: 'bpe-encode',
  topic: 'tokenization',
  description: 'How BPE splits a word given ranked merges',
  generate(seed): Question {
    const random = createQuestionRandom(seed);
    const letter = () => random.pick(['a', 'b', 'c', 'd']);
    const word = (min: number, max: number) =>
      Array.from({ length: random.integer(min, max) }, letter).join('');
    let merges: MergePair[] = [];
    let target = '';
    let tokens: string[] = [];
    let steps: ReturnType<typeof applyBpeMerges>['steps'] = [];
    let reversed: string[] = [];
    for (;;) {
      const corpus: [string, number][] = Array.from({ length: 4 }, () => [word(3, 6), random.integer(1, 9)]);
      merges = learnBpeMerges(corpus, 4);
      target = word(5, 7);
      ({ tokens, steps } = applyBpeMerges(target, merges));
      reversed = applyBpeMerges(target, [...merges].reverse()).tokens;
      // a word where rank order matters: at least two merges fire and reversing the ranks changes the result
      if (merges.length === 4 && steps.length >= 2 && show(reversed) !== show(tokens)) break;
    }
    const firstOnly = applyBpeMerges(target, merges.slice(0, 1)).tokens;
    const candidates = [
      { tokens, why: 'Lowest-rank pair first, every occurrence, repeated until no ranked pair is left.' },
      {
        tokens: reversed,
        why: 'This applies the merges from the last learned to the first: rank order reversed.',
      },
      {
        tokens: firstOnly,
        why: 'Stops after the first merge rule; BPE keeps merging while any adjacent pair has a rank.',
      },
      {
        tokens: toSymbols(target),
        why: 'Single characters: at least one ranked pair occurs in the word, so BPE merges it.',
      },
    ];
    const seen = new Set<string>();
    const choices = candidates
      .filter((c) => {
        if (seen.has(show(c.tokens))) return false;
        seen.add(show(c.tokens));
        return true;
      })
      .map((c) => ({ text: show(c.tokens), correct: show(c.tokens) === show(tokens), why: c.why }));
    const rules = merges.map(([a, b], rank) => `${rank + 1}. ${a} + ${b} → ${a}${b}`).join('; ');
    return {
      id: generatedQuestionId('tokenization', 'bpe-encode', seed),
      topic: 'tokenization',
      subtopic: 'bpe',
      difficulty: 3,
      kind: 'single',
      prompt: `A BPE tokenizer learned these merges, in this order (earlier = higher priority): ${rules}. It encodes a word by starting from single characters and repeatedly applying the highest-priority merge that matches an adjacent pair (all its occurrences), GPT-2 style. How is **${target}** tokenized?`,
      choices: random.shuffle(choices),
      explanation: `Start: ${show(toSymbols(target))}. ${steps.map((s) => `Rule ${s.rank + 1} (${s.pair[0]} + ${s.pair[1]}) → ${show(s.symbols)}`).join('. ')}. No adjacent pair has a rule left, so the result is ${show(tokens)}. Priority is the order the merges were learned (most frequent pair first), not left-to-right position in the word.`,
      source:
        'Sennrich, Haddow & Birch 2016, Neural Machine Translation of Rare Words with Subword Units, §3.2; openai/gpt-2 encoder.py (bpe); computed by @mlsys/kernels applyBpeMerges',
      tags: ['bpe', 'tokenizer', 'generated'],
      trap: 'Merging left to right instead of by rank.',
    };
  },
});
