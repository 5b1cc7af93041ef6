import type { Question } from '../schema/corpus-file-schema.js';

/** Two questions whose prompts share most of their words. */
export interface NearDuplicate {
  a: string;
  b: string;
  /** Jaccard similarity of the prompts' word sets, 0..1. */
  similarity: number;
}

/** Default similarity at or above which two prompts count as near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/**
 * The words of a prompt as compared: lower case, markup and punctuation removed, so
 * `**GQA** keeps 8 heads.` and `gqa keeps 8 heads` are the same.
 */
export function promptWords(prompt: string): Set<string> {
  return new Set(
    prompt
      .toLowerCase()
      .replace(/[^\p{L}\p{N}.]+/gu, ' ')
      .replace(/\.(?!\d)/g, ' ')
      .split(' ')
      .filter((word) => word !== ''),
  );
}

/** Jaccard similarity |A ∩ B| / |A ∪ B| of two word sets (1 for two empty sets). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Every pair of questions whose prompts have word-set Jaccard similarity ≥ `threshold`, most similar
 * first. Pairs are skipped early when their sizes alone rule the threshold out (J ≤ min/max size).
 */
export function findNearDuplicates(
  questions: readonly Question[],
  threshold = NEAR_DUPLICATE_THRESHOLD,
): NearDuplicate[] {
  const entries = questions
    .map((question) => ({ id: question.id, words: promptWords(question.prompt) }))
    .sort((x, y) => x.words.size - y.words.size);
  const pairs: NearDuplicate[] = [];
  for (let i = 0; i < entries.length; i++) {
    const small = entries[i]!;
    for (let j = i + 1; j < entries.length; j++) {
      const large = entries[j]!;
      if (small.words.size < threshold * large.words.size) break;
      const similarity = jaccard(small.words, large.words);
      if (similarity >= threshold) {
        const [a, b] = small.id < large.id ? [small.id, large.id] : [large.id, small.id];
        pairs.push({ a, b, similarity });
      }
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a.localeCompare(y.a));
}
