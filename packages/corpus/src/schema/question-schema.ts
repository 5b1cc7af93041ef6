import { z } from 'zod';
import { kebab, LIMITS, labelKey, POSITIONAL_CHOICE, text } from './text-fields.js';

/** The kinds of question: one answer, several answers, true/false, a number, an order. */
export const QUESTION_KINDS = ['single', 'multi', 'truefalse', 'numeric', 'ordering'] as const;

/** A kind of question. */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The calculator commands a numeric answer can be checked against. */
export const CHECK_COMMANDS = ['kvcache', 'moe', 'chinchilla', 'parallel', 'specdec'] as const;

const choiceSchema = z.strictObject({
  text: text(LIMITS.label),
  correct: z.boolean().default(false),
  why: text(),
});

const choicesSchema = z
  .array(choiceSchema)
  .min(LIMITS.minChoices, `needs ${LIMITS.minChoices} to ${LIMITS.maxChoices} choices`)
  .max(LIMITS.maxChoices, `needs ${LIMITS.minChoices} to ${LIMITS.maxChoices} choices`)
  .superRefine((choices, ctx) => {
    const seen = new Map<string, number>();
    choices.forEach((choice, i) => {
      const key = labelKey(choice.text);
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'text'], message: `same text as choices[${first}]` });
      } else seen.set(key, i);
      if (POSITIONAL_CHOICE.test(choice.text)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'text'],
          message: 'refers to other choices by position; the bot shuffles choices',
        });
      }
    });
  });

const itemsSchema = z
  .array(text(LIMITS.label))
  .min(LIMITS.minItems, `needs ${LIMITS.minItems} to ${LIMITS.maxItems} items`)
  .max(LIMITS.maxItems, `needs ${LIMITS.minItems} to ${LIMITS.maxItems} items`)
  .superRefine((items, ctx) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(labelKey(item));
      if (first !== undefined)
        ctx.addIssue({ code: 'custom', path: [i], message: `same as items[${first}]` });
      else seen.set(labelKey(item), i);
    });
  });

const relative = z
  .number()
  .min(0, 'is negative')
  .max(1, 'is a relative tolerance: 0.02 means ±2%, so it is at most 1');

const numericAnswerSchema = z
  .strictObject({
    value: z.number(),
    unit: text(),
    tolerance: relative,
    partialTolerance: relative.optional(),
  })
  .superRefine((answer, ctx) => {
    if (answer.partialTolerance !== undefined && answer.partialTolerance < answer.tolerance) {
      ctx.addIssue({ code: 'custom', path: ['partialTolerance'], message: 'is smaller than tolerance' });
    }
  });

const checkedBySchema = z.strictObject({
  command: z.enum(CHECK_COMMANDS, `is not a calculator command (${CHECK_COMMANDS.join(', ')})`),
  args: text(),
  field: text(),
  divideBy: z.number().positive('is not positive').optional(),
});

const base = {
  id: kebab(),
  subtopic: kebab(),
  difficulty: z.literal([1, 2, 3, 4, 5], 'is not a difficulty level 1..5'),
  prompt: text(LIMITS.prompt),
  explanation: text(LIMITS.explanation),
  source: text(),
  tags: z.array(text()).min(1, 'needs at least one tag'),
  followUp: text().optional(),
  trap: text().optional(),
};

const singleSchema = z
  .strictObject({ ...base, kind: z.literal('single'), choices: choicesSchema })
  .superRefine((question, ctx) => {
    const correct = question.choices.filter((choice) => choice.correct).length;
    if (correct !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: `kind single needs exactly one correct choice, found ${correct} (use kind multi)`,
      });
    }
  });

const multiSchema = z
  .strictObject({ ...base, kind: z.literal('multi'), choices: choicesSchema })
  .superRefine((question, ctx) => {
    if (!question.choices.some((choice) => choice.correct)) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: 'kind multi needs at least one correct choice',
      });
    }
  });

const trueFalseSchema = z.strictObject({
  ...base,
  kind: z.literal('truefalse'),
  answer: z.boolean(),
});

const numericSchema = z.strictObject({
  ...base,
  kind: z.literal('numeric'),
  answer: numericAnswerSchema,
  checkedBy: checkedBySchema.optional(),
});

const orderingSchema = z.strictObject({ ...base, kind: z.literal('ordering'), items: itemsSchema });

/** One question as written in a data file (without its topic, which the file states once). */
export const questionSchema = z.discriminatedUnion('kind', [
  singleSchema,
  multiSchema,
  trueFalseSchema,
  numericSchema,
  orderingSchema,
]);

/** A question as written in a data file. */
export type QuestionInFile = z.output<typeof questionSchema>;

/** A choice of a `single` or `multi` question: button text (≤ 75 characters), whether it is right, and why. */
export type Choice = z.output<typeof choiceSchema>;

/** The answer of a `numeric` question: value in `unit`, relative tolerances for full and half credit. */
export type NumericAnswer = z.output<typeof numericAnswerSchema>;

/** Which calculator output a numeric answer must agree with: `data[field] / divideBy ≈ answer.value`. */
export type CheckedBy = z.output<typeof checkedBySchema>;
