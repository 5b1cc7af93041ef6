/**
 * Byte-pair encoding (BPE) for subwords in plain TypeScript (Sennrich, Haddow & Birch 2016, "Neural
 * Machine Translation of Rare Words with Subword Units", §3.2 and Algorithm 1). No ONNX: BPE is a
 * string algorithm, not tensor arithmetic.
 *
 * - {@link learnBpeMerges}: Algorithm 1 — count adjacent symbol pairs weighted by word frequency,
 *   merge the most frequent pair everywhere, repeat.
 * - {@link applyBpeMerges}: encoding a new word with learned merges, as GPT-2's tokenizer does
 *   (`bpe()` in openai/gpt-2 `src/encoder.py`): repeatedly merge the adjacent pair with the LOWEST
 *   rank (earliest learned) until no adjacent pair has a rank.
 *
 * @module
 */

/** A merge rule: two adjacent symbols that become one. */
export type MergePair = readonly [string, string];

/** One step of {@link applyBpeMerges}: which rule fired and the symbols after it. */
export interface BpeStep {
  pair: MergePair;
  /** Position of the rule in the merge list (0 = learned first = highest priority). */
  rank: number;
  symbols: string[];
}

/** Options: Sennrich et al. mark the end of a word with a separate `</w>` symbol; GPT-2 does not. */
export interface BpeOptions {
  /** End-of-word symbol appended after the last character, or `null` for none. Default `null`. */
  endOfWord?: string | null;
}

/** The starting symbols of a word: its characters (code points), plus the end-of-word symbol if any. */
export function toSymbols(word: string, options: BpeOptions = {}): string[] {
  const symbols = Array.from(word);
  if (options.endOfWord) symbols.push(options.endOfWord);
  return symbols;
}

/** Every non-overlapping occurrence of `pair`, left to right, merged into one symbol. */
export function mergePair(symbols: readonly string[], pair: MergePair): string[] {
  const out: string[] = [];
  for (let i = 0; i < symbols.length; i++) {
    if (i + 1 < symbols.length && symbols[i] === pair[0] && symbols[i + 1] === pair[1]) {
      out.push(pair[0] + pair[1]);
      i++;
    } else out.push(symbols[i]!);
  }
  return out;
}

/**
 * Encodes one word with ranked merges: while some adjacent pair has a rank, merge (all occurrences
 * of) the pair with the lowest rank.
 * @returns The final symbols and every step taken.
 */
export function applyBpeMerges(
  word: string,
  merges: readonly MergePair[],
  options: BpeOptions = {},
): { tokens: string[]; steps: BpeStep[] } {
  const ranks = new Map<string, number>();
  merges.forEach(([a, b], rank) => {
    const key = `${a}\u0000${b}`;
    if (!ranks.has(key)) ranks.set(key, rank);
  });
  let symbols = toSymbols(word, options);
  const steps: BpeStep[] = [];
  for (;;) {
    let best: { pair: MergePair; rank: number } | null = null;
    for (let i = 0; i + 1 < symbols.length; i++) {
      const rank = ranks.get(`${symbols[i]}\u0000${symbols[i + 1]}`);
      if (rank !== undefined && (best === null || rank < best.rank)) {
        best = { pair: [symbols[i]!, symbols[i + 1]!], rank };
      }
    }
    if (best === null) return { tokens: symbols, steps };
    symbols = mergePair(symbols, best.pair);
    steps.push({ ...best, symbols });
  }
}

/** Adjacent-pair counts weighted by word frequency, in order of first appearance. */
export function countPairs(
  words: ReadonlyMap<string, number> | Iterable<[string[], number]>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [symbols, frequency] of words as Iterable<[string[], number]>) {
    for (let i = 0; i + 1 < symbols.length; i++) {
      const key = `${symbols[i]}\u0000${symbols[i + 1]}`;
      counts.set(key, (counts.get(key) ?? 0) + frequency);
    }
  }
  return counts;
}

/**
 * Learns up to `count` merges from words and their frequencies (Algorithm 1). A tie between equally
 * frequent pairs goes to the pair seen first when scanning the words in the given order — what the
 * paper's Python listing does on an insertion-ordered dict (CPython ≥ 3.7). Stops early when no pair
 * occurs any more.
 */
export function learnBpeMerges(
  wordFrequencies: ReadonlyArray<readonly [string, number]>,
  count: number,
  options: BpeOptions = {},
): MergePair[] {
  let words: [string[], number][] = wordFrequencies.map(([word, frequency]) => [
    toSymbols(word, options),
    frequency,
  ]);
  const merges: MergePair[] = [];
  while (merges.length < count) {
    let bestKey: string | null = null;
    let bestCount = 0;
    for (const [key, pairCount] of countPairs(words)) {
      if (pairCount > bestCount) {
        bestKey = key;
        bestCount = pairCount;
      }
    }
    if (bestKey === null) break;
    const [a, b] = bestKey.split('\u0000') as [string, string];
    merges.push([a, b]);
    words = words.map(([symbols, frequency]) => [mergePair(symbols, [a, b]), frequency]);
  }
  return merges;
}
