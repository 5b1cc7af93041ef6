import type { UserError } from '@mlsys/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/seed.js';
import type { Question } from '../schema/corpus-file-schema.js';
import { fixtureQuestion } from '../testing/fixture-question.js';
import { createCorpus, drawQuestion } from './corpus.js';
import { gradeNumeric, isCorrectChoice } from './grade.js';
import { presentQuestion } from './present-question.js';

function catchError(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    return error as UserError;
  }
  throw new Error('did not throw');
}

const single = fixtureQuestion({
  id: 'moe-single',
  topic: 'moe',
  choices: [
    { text: 'A', correct: false, why: '.' },
    { text: 'B', correct: false, why: '.' },
    { text: 'C', correct: true, why: '.' },
    { text: 'D', correct: false, why: '.' },
  ],
});
const multi = fixtureQuestion({
  id: 'moe-multi',
  topic: 'moe',
  kind: 'multi',
  difficulty: 4,
  choices: [
    { text: 'A', correct: true, why: '.' },
    { text: 'B', correct: false, why: '.' },
    { text: 'C', correct: true, why: '.' },
  ],
});
const ordering = fixtureQuestion({
  id: 'rag-order',
  topic: 'rag',
  kind: 'ordering',
  items: ['one', 'two', 'three', 'four'],
  choices: undefined,
} as Partial<Question>);
const truefalse = fixtureQuestion({
  id: 'rag-tf',
  topic: 'rag',
  kind: 'truefalse',
  answer: false,
  choices: undefined,
} as Partial<Question>);
const numeric = fixtureQuestion({
  id: 'rag-num',
  topic: 'rag',
  kind: 'numeric',
  difficulty: 3,
  answer: { value: 40, unit: 'GiB', tolerance: 0.02, partialTolerance: 0.1 },
  choices: undefined,
} as Partial<Question>);
const all = [single, multi, ordering, truefalse, numeric];

describe('presentQuestion', () => {
  it('keeps track of the right options whatever the shuffle', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        for (const question of [single, multi]) {
          const shown = presentQuestion(question, createRng(seed));
          if (question.kind !== 'single' && question.kind !== 'multi') throw new Error('kind');
          const right = shown.correct.map((i) => shown.options[i]!.label).sort();
          expect(right).toEqual(question.choices.filter((c) => c.correct).map((c) => c.text));
          expect(shown.options.map((o) => question.choices[o.source]!.text)).toEqual(
            shown.options.map((o) => o.label),
          );
          expect(isCorrectChoice(shown, shown.correct)).toBe(true);
        }
      }),
      { seed: 42 },
    );
  });

  it('never shows an ordering already in order, and its key reads the items in order', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const shown = presentQuestion(ordering, createRng(seed));
        expect(shown.options.map((o) => o.source)).not.toEqual([0, 1, 2, 3]);
        expect(shown.correct.map((i) => shown.options[i]!.label)).toEqual(['one', 'two', 'three', 'four']);
      }),
      { seed: 42 },
    );
  });

  it('shows True then False, and nothing for numeric', () => {
    expect(presentQuestion(truefalse, createRng(1))).toEqual({
      question: truefalse,
      options: [
        { label: 'True', source: 0 },
        { label: 'False', source: 1 },
      ],
      correct: [1],
    });
    expect(presentQuestion(numeric, createRng(1)).options).toEqual([]);
  });
});

describe('isCorrectChoice', () => {
  it('wants the exact set for multi and the exact sequence for ordering', () => {
    const shownMulti = presentQuestion(multi, createRng(3));
    expect(isCorrectChoice(shownMulti, [...shownMulti.correct].reverse())).toBe(true);
    expect(isCorrectChoice(shownMulti, shownMulti.correct.slice(0, 1))).toBe(false);
    const shownOrder = presentQuestion(ordering, createRng(3));
    expect(isCorrectChoice(shownOrder, [...shownOrder.correct].reverse())).toBe(false);
    expect(isCorrectChoice(presentQuestion(numeric, createRng(3)), [])).toBe(false);
  });
});

describe('gradeNumeric', () => {
  const answer = { value: 40, unit: 'GiB', tolerance: 0.02, partialTolerance: 0.1 };
  it.each([
    [40, 'correct'],
    [40.8, 'correct'],
    [39.2, 'correct'],
    [40.81, 'partial'],
    [44, 'partial'],
    [44.01, 'wrong'],
    [42.95, 'partial'],
    [Number.NaN, 'wrong'],
  ] as const)('%d GiB against 40 GiB ±2%% (±10%% half) is %s', (given, expected) => {
    expect(gradeNumeric(answer, given)).toBe(expected);
  });

  it('has no half credit without partialTolerance, and absolute tolerance at zero', () => {
    expect(gradeNumeric({ value: 40, unit: 'GiB', tolerance: 0.02 }, 41)).toBe('wrong');
    expect(gradeNumeric({ value: 0, unit: '%', tolerance: 0.5 }, 0.4)).toBe('correct');
  });
});

describe('drawQuestion and createCorpus', () => {
  it('draws the same question and layout from the same seed', () => {
    expect(drawQuestion(all, { seed: 'C1:2025-06-01' })).toEqual(
      drawQuestion(all, { seed: 'C1:2025-06-01' }),
    );
  });

  it('reaches every candidate across seeds and honours filters and exclusions', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) seen.add(drawQuestion(all, { seed })!.question.id);
    expect([...seen].sort()).toEqual(all.map((q) => q.id).sort());
    for (let seed = 0; seed < 50; seed++) {
      const drawn = drawQuestion(all, { seed, topic: 'rag', exclude: ['rag-tf'] })!;
      expect(['rag-order', 'rag-num']).toContain(drawn.question.id);
    }
    expect(drawQuestion(all, { seed: 1, topic: 'moe', difficulty: 4 })!.question.id).toBe('moe-multi');
    expect(drawQuestion(all, { seed: 1, kind: 'numeric' })!.question.id).toBe('rag-num');
    expect(drawQuestion(all, { seed: 1, topic: 'moe', exclude: new Set(['moe-single', 'moe-multi']) })).toBe(
      undefined,
    );
  });

  it('looks questions up, suggests close ids, counts, and refuses duplicate ids', () => {
    const corpus = createCorpus(all);
    expect(corpus.find('rag-tf')).toBe(truefalse);
    expect(() => corpus.get('rag-tff')).toThrow(expect.objectContaining({ code: 'corpus/unknown-question' }));
    expect(catchError(() => corpus.get('rag-tff')).suggestions[0]).toBe('rag-tf');
    expect(corpus.stats().byTopic.rag).toBe(3);
    expect(corpus.filter({ difficulty: 4 })).toEqual([multi]);
    expect(() => createCorpus([single, single])).toThrow(/duplicate question id moe-single/);
  });
});
