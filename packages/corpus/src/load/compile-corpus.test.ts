import { describe, expect, it } from 'vitest';
import { compileCorpus } from './compile-corpus.js';
import { formatIssue } from './corpus-issue.js';

const file = (topic: string, ids: string[]) =>
  `topic: ${topic}\nquestions:\n${ids
    .map(
      (id) => `  - id: ${id}
    subtopic: s
    difficulty: 1
    kind: truefalse
    prompt: Prompt of ${id}.
    answer: false
    explanation: E.
    source: S.
    tags: [t]
`,
    )
    .join('')}`;

describe('compileCorpus', () => {
  it('merges files, sorts by id and refuses an id used twice', () => {
    const compiled = compileCorpus([
      { name: 'data/moe.yaml', text: file('moe', ['moe-b', 'moe-a']) },
      { name: 'data/moe-2.yaml', text: file('moe', ['moe-c', 'moe-a']) },
    ]);
    expect(compiled.questions.map((question) => question.id)).toEqual(['moe-a', 'moe-b', 'moe-c']);
    expect(compiled.issues.map(formatIssue)).toEqual([
      'data/moe-2.yaml: moe-a: id: the id is already used in data/moe.yaml',
    ]);
  });

  it('collects the issues of every file', () => {
    const compiled = compileCorpus([
      { name: 'data/moe.yaml', text: 'topic: moe\n' },
      { name: 'data/rag.yaml', text: file('rag', ['rag-a']).replace('answer: false', 'answer: maybe') },
    ]);
    expect(compiled.issues.map(formatIssue)).toEqual([
      'data/moe.yaml: questions: is missing (line 1)',
      'data/rag.yaml: rag-a: answer: expected true or false, got text "maybe" (line 8)',
    ]);
  });
});
