/**
 * The compiled corpus, written next to this file as `questions.js` by `scripts/compile-corpus.mjs`
 * during `build` (gitignored). Plain data; `loadBuiltinCorpus` validates it again before use.
 */
declare const compiled: {
  /** Schema version of the compiled data. */
  format: number;
  /** The data files it was compiled from, e.g. `data/kv-cache.yaml`. */
  files: string[];
  /** Questions with their topic, sorted by id. */
  questions: unknown[];
};
export default compiled;
