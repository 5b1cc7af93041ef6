/**
 * @module @mlsys/core/testing
 * Fakes and shared suites for tests (source only, never built): the in-memory store, sample
 * questions, and the store contract every `Store` implementation runs.
 */
export { createMemoryStore } from './memory-store.js';
export { SAMPLE_CORPUS_QUESTIONS, sampleCorpus } from './sample-corpus.js';
export { SAMPLE_QUESTIONS } from './sample-questions.js';
export {
  describeStoreContract,
  freshId,
  type HarnessFactory,
  newQuiz,
  openRound,
  type StoreHarness,
  sampleRound,
  T0,
} from './store-contract.js';
