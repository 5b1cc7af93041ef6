import { describe, expect, it } from 'vitest';
import { checkCorpus } from './checks/check-corpus.js';
import { compileCorpus } from './load/compile-corpus.js';
import { formatIssue, sortIssues } from './load/corpus-issue.js';
import { readCorpusSources } from './testing/read-data.js';

// The shipped data, read from data/*.yaml on every run (never a stale compiled copy).
const compiled = compileCorpus(readCorpusSources());

describe('corpus data (data/*.yaml)', () => {
  it('has files to check', () => {
    expect(compiled.questions.length).toBeGreaterThan(0);
  });

  it('passes the schema, with unique ids', () => {
    expect(sortIssues(compiled.issues).map(formatIssue)).toEqual([]);
  });

  it('has no near-duplicate prompts and every topic at 3 or more difficulty levels', () => {
    const errors = checkCorpus(compiled.questions).filter((issue) => issue.severity === 'error');
    expect(errors.map(formatIssue)).toEqual([]);
  });
});
