import { describe, expect, it } from 'vitest';
import { formatIssue } from '../load/corpus-issue.js';
import type { Question } from '../schema/corpus-file-schema.js';
import { TOPICS } from '../schema/topics.js';
import { fixtureQuestion } from '../testing/fixture-question.js';
import { checkCorpus } from './check-corpus.js';
import { topicCoverage } from './coverage.js';

/** `target` distinct questions for every topic, at levels 1..3 and two kinds: a corpus with no findings. */
function fullCorpus(): Question[] {
  return TOPICS.flatMap((topic, t) =>
    Array.from({ length: topic.target }, (_, i) =>
      fixtureQuestion({
        topic: topic.id,
        id: `${topic.id}-q${i}`,
        difficulty: ((i % 3) + 1) as 1 | 2 | 3,
        prompt: `Fixture prompt t${t}q${i}`,
        ...(i === 0 ? { kind: 'truefalse', answer: true, choices: undefined } : {}),
      }),
    ),
  );
}

describe('checkCorpus', () => {
  it('finds nothing in a corpus that meets every rule', () => {
    expect(checkCorpus(fullCorpus()).map(formatIssue)).toEqual([]);
  });

  it('reports spread, targets, near-duplicates and kind mix', () => {
    const questions = fullCorpus().filter(
      (question) => question.topic !== 'rag' || question.difficulty === 1,
    );
    questions.push(
      fixtureQuestion({
        id: `kv-cache-${'x'.repeat(60)}`,
        prompt: questions.find((question) => question.id === 'kv-cache-q1')!.prompt,
      }),
    );
    const lines = checkCorpus(questions).map(formatIssue);
    expect(lines).toEqual([
      expect.stringMatching(
        /^kv-cache-q1: prompt: nearly the same prompt as kv-cache-x+ \(word overlap 1\.00 ≥ 0\.8\): "Fixture prompt t2q1"/,
      ),
      'topic rag: questions at 1 difficulty level(s) (1); needs at least 3',
      'topic rag: 5 of 15 questions',
      `kv-cache-${'x'.repeat(60)}: id: 69 characters; at most 64 fit in a button value`,
    ]);
  });

  it('warns when a sizeable topic has one kind only', () => {
    const questions = fullCorpus().map((question) =>
      question.topic === 'moe' ? fixtureQuestion({ ...question, kind: 'single' }) : question,
    );
    expect(checkCorpus(questions).map(formatIssue)).toEqual([
      'topic moe: all 22 questions are of kind single; mix in other kinds',
    ]);
  });
});

describe('topicCoverage', () => {
  it('lists every topic, with zero for topics without questions', () => {
    const coverage = topicCoverage([fixtureQuestion({ difficulty: 4 })]);
    expect(coverage).toHaveLength(TOPICS.length);
    expect(coverage.find((entry) => entry.topic === 'kv-cache')).toEqual({
      topic: 'kv-cache',
      count: 1,
      target: 25,
      difficulties: [4],
      kinds: { single: 1 },
    });
    expect(coverage.find((entry) => entry.topic === 'attention')?.count).toBe(0);
  });
});
