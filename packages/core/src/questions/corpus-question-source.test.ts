import type { Question } from '@mlsys/corpus';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../ports/seeded-random.js';
import { createCorpusQuestionSource, toQuizQuestion } from './corpus-question-source.js';

const base = {
  topic: 'kv-cache' as const,
  subtopic: 's',
  difficulty: 2 as const,
  prompt: 'MQA keeps one KV head.',
  explanation: 'Shazeer 2019: one K and one V head shared by all query heads.',
  source: 'Shazeer 2019',
  tags: ['mqa'],
};

const questions: Question[] = [
  { ...base, id: 'kv-cache-tf', kind: 'truefalse', answer: true },
  { ...base, id: 'kv-cache-order', kind: 'ordering', items: ['MQA', 'GQA', 'MHA'] },
  {
    ...base,
    id: 'kv-cache-num',
    kind: 'numeric',
    answer: { value: 40, unit: 'GiB', tolerance: 0.02 },
  },
];

describe('toQuizQuestion', () => {
  it('plays truefalse as two choices and keeps numeric answers (exact JSON)', () => {
    expect(toQuizQuestion(questions[0]!)).toEqual({
      id: 'kv-cache-tf',
      topic: 'kv-cache',
      difficulty: 2,
      prompt: base.prompt,
      explanation: base.explanation,
      source: base.source,
      kind: 'truefalse',
      choices: [
        { text: 'True', correct: true },
        { text: 'False', correct: false },
      ],
    });
    expect(toQuizQuestion(questions[2]!)).toMatchObject({
      kind: 'numeric',
      answer: { value: 40, unit: 'GiB', tolerance: 0.02 },
    });
    expect(toQuizQuestion(questions[1]!)).toBeUndefined();
  });

  it('offers only the playable kinds to quizzes', () => {
    const source = createCorpusQuestionSource(questions);
    const drawn = source.draw({
      count: 5,
      topics: [],
      difficulty: { min: 1, max: 5 },
      excludeIds: [],
      random: createSeededRandom(1),
    });
    expect(drawn.map((q) => q.id).sort()).toEqual(['kv-cache-num', 'kv-cache-tf']);
  });
});
