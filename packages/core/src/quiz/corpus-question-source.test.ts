import { createCorpus, type Question } from '@mlsys/corpus';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../ports/seeded-random.js';
import { corpusQuestionSource, toQuizQuestion } from './corpus-question-source.js';

const base = {
  subtopic: 'gqa',
  difficulty: 2 as const,
  prompt: 'Prompt',
  explanation: 'Because.',
  source: 'A config.json',
  tags: ['t'],
};
const questions: Question[] = [
  { ...base, id: 'kv-cache-tf', topic: 'kv-cache', kind: 'truefalse', answer: false },
  {
    ...base,
    id: 'kv-cache-num',
    topic: 'kv-cache',
    kind: 'numeric',
    answer: { value: 128, unit: 'KiB', tolerance: 0.02 },
  },
  {
    ...base,
    id: 'kv-cache-multi',
    topic: 'kv-cache',
    kind: 'multi',
    choices: [
      { text: 'a', correct: true, why: 'x' },
      { text: 'b', correct: true, why: 'y' },
    ],
  },
];

describe('corpus as a quiz question source', () => {
  it('plays true/false as two choices and numeric answers as they are', () => {
    expect(toQuizQuestion(questions[0]!)).toMatchObject({
      kind: 'truefalse',
      choices: [
        { text: 'True', correct: false },
        { text: 'False', correct: true },
      ],
    });
    expect(toQuizQuestion(questions[1]!)).toMatchObject({
      kind: 'numeric',
      answer: { value: 128, unit: 'KiB', tolerance: 0.02 },
    });
  });

  it('leaves out kinds a quiz cannot play with buttons', () => {
    const source = corpusQuestionSource(createCorpus(questions));
    const drawn = source.draw({
      count: 10,
      topics: ['kv-cache'],
      difficulty: { min: 1, max: 5 },
      excludeIds: [],
      random: createSeededRandom(3),
    });
    expect(drawn.map((q) => q.id).sort()).toEqual(['kv-cache-num', 'kv-cache-tf']);
    expect(source.topics()).toEqual(['kv-cache']);
  });
});
