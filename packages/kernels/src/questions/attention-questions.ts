/**
 * Attention-mask questions: which weights of one row of a causal (optionally sliding-window) score
 * matrix are zero.
 *
 * @module
 */

import type { Question } from '@mlsys/corpus';
import { createQuestionRandom, defineQuestionGenerator, generatedQuestionId } from './question-generator.js';

/**
 * Whether query `i` may NOT see key `j`: causal masking hides `j > i` (Vaswani et al. 2017, §3.2.3);
 * a window of `w` also hides keys more than `w − 1` positions back (`j ≤ i − w`).
 */
export function isMasked(i: number, j: number, window: number | null): boolean {
  return j > i || (window !== null && j <= i - window);
}

/** "Which attention weights in row r of an n × n causal score matrix are zero?" (multi). */
export const causalMaskRowQuestion = defineQuestionGenerator({
  id: 'causal-mask-row',
  topic: 'attention',
  description: 'Which weights of one row a causal or sliding-window mask zeroes',
  generate(seed): Question {
    const random = createQuestionRandom(seed);
    const n = random.integer(4, 5);
    const window = random.uniform() < 0.5 ? null : random.integer(2, 3);
    // a row with at least one masked and one visible key
    const row = window === null ? random.integer(0, n - 2) : random.integer(window, n - 1);
    const masked = Array.from({ length: n }, (_, j) => isMasked(row, j, window));
    const zero = masked.flatMap((m, j) => (m ? [j] : []));
    const visible = masked.flatMap((m, j) => (m ? [] : [j]));
    const windowText =
      window === null
        ? ''
        : ` with a **sliding window of ${window}** (each query sees itself and the ${window - 1} key(s) before it)`;
    return {
      id: generatedQuestionId('attention', 'causal-mask-row', seed),
      topic: 'attention',
      subtopic: window === null ? 'causal-mask' : 'sliding-window',
      difficulty: window === null ? 2 : 3,
      kind: 'multi',
      prompt: `Self-attention over ${n} tokens computes a ${n}×${n} score matrix S[i][j] (row i = query position, column j = key position, both counted from 0), masked causally${windowText} before the row-wise softmax. Which attention weights in **row ${row}** are exactly zero?`,
      choices: masked.map((isZero, j) => ({
        text: `Column ${j} (key ${j})`,
        correct: isZero,
        why: isZero
          ? j > row
            ? `Key ${j} comes after query ${row}: a causal mask sets its score to −∞, so its weight is 0.`
            : `Key ${j} is ${row - j} positions back, outside the window of ${window}.`
          : `Query ${row} may see key ${j}: its score stays finite and its softmax weight is positive.`,
      })),
      explanation: `The mask adds −∞ (in practice a very large negative number) to hidden scores, and exp(−∞) = 0, so those weights are exactly zero while the visible ones still sum to 1. Query ${row} sees key${visible.length > 1 ? 's' : ''} ${visible.join(', ')}; the weight${zero.length > 1 ? 's' : ''} of key${zero.length > 1 ? 's' : ''} ${zero.join(', ')} ${zero.length > 1 ? 'are' : 'is'} zero. Causal masking hides keys j > i${window === null ? '' : `; the window also hides keys j ≤ i − ${window}`}.`,
      source:
        'Vaswani et al. 2017, Attention Is All You Need, §3.2.3; Beltagy et al. 2020, Longformer, §3.1 (sliding window)',
      tags: ['causal-mask', 'attention', 'generated'],
      trap: 'Masking the diagonal too: a query always sees its own key.',
    };
  },
});
