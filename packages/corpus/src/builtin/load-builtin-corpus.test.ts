import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../load/compile-corpus.js';
import { readCorpusSources } from '../testing/read-data.js';
import { loadBuiltinCorpus } from './load-builtin-corpus.js';

describe('loadBuiltinCorpus', () => {
  // Fails with "The question corpus is not compiled … Run: pnpm --filter @mlsys/corpus build" until the
  // build has run, and fails when the compiled copy is older than data/*.yaml.
  it('holds exactly the questions of data/*.yaml (the compiled copy is up to date)', async () => {
    const corpus = await loadBuiltinCorpus();
    expect(corpus.questions).toEqual(compileCorpus(readCorpusSources()).questions);
  });
});
