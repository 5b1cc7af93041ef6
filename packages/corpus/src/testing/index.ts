/**
 * @module @mlsys/corpus/testing
 * Helpers for tests on source (not built, not shipped): read the data folder, make fixture questions.
 */

export { fixtureQuestion } from './fixture-question.js';
export { DATA_DIR, readCorpusSources } from './read-data.js';
