import type { PresentedQuestion, Question } from '@mlsys/corpus';
import { describe, expect, it } from 'vitest';
import { parseQuestionValue } from './question-actions.js';
import { questionReply, questionRevealReply } from './question-reply.js';

// Figures from shared/reference/formulas.md: Llama-3.1-70B has 64 query heads and 8 KV heads.
const gqa: Question = {
  id: 'kv-cache-gqa-savings',
  topic: 'kv-cache',
  subtopic: 'gqa',
  difficulty: 3,
  kind: 'single',
  prompt:
    'Llama-3.1-70B keeps 8 KV heads for 64 query heads. How much smaller is its KV cache than with MHA?',
  choices: [
    { text: '8x smaller than MHA', correct: true, why: '64 query heads share 8 KV heads: 64/8 = 8.' },
    { text: '64x smaller than MHA', correct: false, why: 'That would be MQA (one KV head).' },
  ],
  explanation: 'The cache scales with the number of KV heads: 8 instead of 64.',
  source: 'Ainslie et al. 2023, GQA, §2',
  tags: ['gqa'],
  trap: 'Computing KV with 64 heads instead of 8.',
};
// Displayed with the wrong choice first.
const shownGqa: PresentedQuestion = {
  question: gqa,
  options: [
    { label: '64x smaller than MHA', source: 1 },
    { label: '8x smaller than MHA', source: 0 },
  ],
  correct: [1],
};

// formulas.md: Llama-3.1-70B in bf16 = 327,680 B/token; at 131,072 tokens = 40.0 GiB.
const sizing: Question = {
  id: 'kv-cache-llama70b-128k',
  topic: 'kv-cache',
  subtopic: 'sizing',
  difficulty: 4,
  kind: 'numeric',
  prompt: 'KV cache of Llama-3.1-70B for 131,072 tokens in bf16?',
  answer: { value: 40, unit: 'GiB', tolerance: 0.02, partialTolerance: 0.1 },
  explanation: '2 · 80 · 8 · 128 · 2 B = 327,680 B per token; × 131,072 tokens = 40 GiB.',
  source: 'formulas.md',
  tags: ['sizing'],
};

const header = 'Question · KV cache · level 3 (medium)';

describe('questionReply', () => {
  it('lays out a single-answer question with one button per option (exact JSON)', () => {
    const reply = questionReply(shownGqa);
    expect(reply).toEqual({
      visibility: 'public',
      blocks: [
        { type: 'header', text: header },
        { type: 'text', text: gqa.prompt },
        { type: 'context', text: 'Pick one answer.' },
        {
          type: 'actions',
          actions: [
            {
              type: 'button',
              id: 'question:answer',
              label: '64x smaller than MHA',
              value: 'kv-cache-gqa-savings#1',
            },
            {
              type: 'button',
              id: 'question:answer',
              label: '8x smaller than MHA',
              value: 'kv-cache-gqa-savings#0',
            },
          ],
        },
      ],
      fallbackText: `${header}\n${'='.repeat(header.length)}\n\n${gqa.prompt}\n\nPick one answer.`,
      data: {
        id: 'kv-cache-gqa-savings',
        topic: 'kv-cache',
        difficulty: 3,
        kind: 'single',
        prompt: gqa.prompt,
        choices: [
          { letter: 'A', text: '64x smaller than MHA', correct: false },
          { letter: 'B', text: '8x smaller than MHA', correct: true },
        ],
        answer: '8x smaller than MHA',
        explanation: gqa.explanation,
        source: gqa.source,
        trap: gqa.trap,
      },
    });
    expect(parseQuestionValue('kv-cache-gqa-savings#1')).toEqual({
      questionId: 'kv-cache-gqa-savings',
      detail: '1',
    });
  });

  it('asks for a numeric answer in its unit through a form', () => {
    const reply = questionReply({ question: sizing, options: [], correct: [] }, { title: 'Daily question' });
    expect(reply.blocks.slice(2)).toEqual([
      { type: 'context', text: 'Press Answer and type a number in GiB; full credit within ±2%.' },
      {
        type: 'actions',
        actions: [
          {
            type: 'prompt',
            id: 'question:submit',
            label: 'Answer',
            value: 'kv-cache-llama70b-128k',
            title: 'Your answer',
            fieldLabel: 'Value in GiB',
            placeholder: 'a number',
          },
        ],
      },
    ]);
    expect(reply.blocks[0]).toEqual({ type: 'header', text: 'Daily question · KV cache · level 4 (hard)' });
  });

  it('letters the options of an ordering and carries the display order in the form value', () => {
    const ordering: Question = {
      ...sizing,
      id: 'kv-cache-order',
      kind: 'ordering',
      items: ['MQA', 'GQA-8', 'MHA'],
    } as Question;
    const reply = questionReply({
      question: ordering,
      options: [
        { label: 'MHA', source: 2 },
        { label: 'MQA', source: 0 },
        { label: 'GQA-8', source: 1 },
      ],
      correct: [1, 2, 0],
    });
    expect(reply.blocks[2]).toEqual({ type: 'text', text: '**A.** MHA\n**B.** MQA\n**C.** GQA-8' });
    expect(reply.blocks[4]).toMatchObject({ actions: [{ value: 'kv-cache-order#201' }] });
  });
});

describe('questionRevealReply', () => {
  it('marks each option with its why, then explanation, trap and source (exact blocks)', () => {
    expect(questionRevealReply(shownGqa).blocks).toEqual([
      { type: 'header', text: 'Answer · KV cache · level 3 (medium)' },
      { type: 'text', text: gqa.prompt },
      {
        type: 'text',
        text:
          '✗ A. 64x smaller than MHA: That would be MQA (one KV head).\n' +
          '✓ **B. 8x smaller than MHA**: 64 query heads share 8 KV heads: 64/8 = 8.',
      },
      { type: 'text', text: gqa.explanation },
      {
        type: 'context',
        text: '_Common trap:_ Computing KV with 64 heads instead of 8.\nSource: Ainslie et al. 2023, GQA, §2',
      },
    ]);
  });

  it('states a numeric answer with its unit and both tolerances', () => {
    const reply = questionRevealReply({ question: sizing, options: [], correct: [] });
    expect(reply.blocks[2]).toEqual({
      type: 'text',
      text: '**Answer: 40 GiB** (full credit within ±2%, half credit within ±10%)',
    });
  });

  it.each([
    // 12/7 tokens per parameter: 6 significant digits, finer than any tolerance.
    [
      { value: 12 / 7, unit: 'tokens/param', tolerance: 0.01 },
      '**Answer: 1.71429 tokens/param** (full credit within ±1%)',
      'Press Answer and type a number in tokens/param; full credit within ±1%.',
    ],
    [
      { value: 0.5, unit: 'dimensionless', tolerance: 0 },
      '**Answer: 0.5** (full credit for the exact value only)',
      'Press Answer and type a number; full credit for the exact value only.',
    ],
    [
      { value: 21.875, unit: '%', tolerance: 0.02 },
      '**Answer: 21.875 %** (full credit within ±2% of the value (relative, not percentage points))',
      'Press Answer and type a number in %; full credit within ±2% of the value (relative, not percentage points).',
    ],
    [
      { value: 5.7612345e23, unit: 'FLOPs', tolerance: 0.05 },
      '**Answer: 5.76123e23 FLOPs** (full credit within ±5%)',
      'Press Answer and type a number in FLOPs; full credit within ±5%.',
    ],
  ])('states %j readably, and how to answer it', (answer, revealed, howTo) => {
    const question = { ...sizing, answer };
    expect(questionRevealReply({ question, options: [], correct: [] }).blocks[2]).toEqual({
      type: 'text',
      text: revealed,
    });
    const asked = questionReply({ question, options: [], correct: [] });
    expect(asked.blocks[2]).toEqual({ type: 'context', text: howTo });
    const form = asked.blocks[3] as { actions: { fieldLabel: string }[] };
    expect(form.actions[0]!.fieldLabel).toBe(
      answer.unit === 'dimensionless' ? 'Value' : `Value in ${answer.unit}`,
    );
  });
});
