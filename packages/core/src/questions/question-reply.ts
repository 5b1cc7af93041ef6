import { difficultyName, type PresentedQuestion, type Question, topicById } from '@mlsys/corpus';
import { replyToPlainText } from '../render/plain-text.js';
import type { Action, Block, Reply } from '../reply/reply.js';
import { inUnit, withUnit } from './answer-unit.js';
import { choiceValue, optionLetter, QUESTION_ACTIONS, typedValue } from './question-actions.js';
import { questionData } from './question-data.js';

/** Options of {@link questionReply} and {@link questionRevealReply}. */
export interface QuestionReplyOptions {
  /** First words of the header, e.g. `Daily question`; default `Question`. */
  title?: string;
  visibility?: Reply['visibility'];
}

/**
 * A question as posted: header (topic, level), prompt, lettered options where answers are typed as
 * letters, and the way to answer: a button per option for `single` and `truefalse`, an Answer form for
 * `multi`, `ordering` and `numeric`. Button values carry the question id and the option's index in the
 * question (see `question-actions.ts`), so a handler needs no state. `data` holds the answer too (for
 * `--json`); renderers do not show `data`.
 */
export function questionReply(presented: PresentedQuestion, options: QuestionReplyOptions = {}): Reply {
  const { question } = presented;
  const blocks: Block[] = [
    { type: 'header', text: headerText(options.title ?? 'Question', question) },
    { type: 'text', text: question.prompt },
  ];
  if (question.kind === 'multi' || question.kind === 'ordering') {
    blocks.push({ type: 'text', text: letteredOptions(presented) });
  }
  blocks.push(
    { type: 'context', text: howToAnswer(question) },
    { type: 'actions', actions: answerActions(presented) },
  );
  return finish(blocks, options.visibility ?? 'public', presented);
}

/**
 * The answer to a question: the prompt again, each option marked right or wrong with its `why`, the
 * explanation, then the trap, a follow-up and the source as small print.
 */
export function questionRevealReply(presented: PresentedQuestion, options: QuestionReplyOptions = {}): Reply {
  const { question } = presented;
  const blocks: Block[] = [
    { type: 'header', text: headerText(options.title ?? 'Answer', question) },
    { type: 'text', text: question.prompt },
    { type: 'text', text: answerText(presented) },
    { type: 'text', text: question.explanation },
  ];
  const small = [
    question.trap === undefined ? undefined : `_Common trap:_ ${question.trap}`,
    question.followUp === undefined ? undefined : `_Follow-up:_ ${question.followUp}`,
    `Source: ${question.source}`,
  ].filter((line) => line !== undefined);
  blocks.push({ type: 'context', text: small.join('\n') });
  return finish(blocks, options.visibility ?? 'public', presented);
}

function finish(blocks: Block[], visibility: Reply['visibility'], presented: PresentedQuestion): Reply {
  const reply: Reply = { visibility, blocks, fallbackText: '', data: questionData(presented) };
  reply.fallbackText = replyToPlainText({
    ...reply,
    blocks: blocks.filter((block) => block.type !== 'actions'),
  });
  return reply;
}

function headerText(title: string, question: Question): string {
  return `${title} · ${topicById(question.topic).name} · level ${question.difficulty} (${difficultyName(question.difficulty)})`;
}

function letteredOptions(presented: PresentedQuestion): string {
  return presented.options.map((option, i) => `**${optionLetter(i)}.** ${option.label}`).join('\n');
}

function howToAnswer(question: Question): string {
  switch (question.kind) {
    case 'single':
      return 'Pick one answer.';
    case 'truefalse':
      return 'True or false?';
    case 'multi':
      return 'One or more answers are right: press Answer and type every right letter, e.g. `A C`.';
    case 'ordering':
      return 'Press Answer and type the letters in the right order, e.g. `C A B`.';
    case 'numeric': {
      const { unit, tolerance } = question.answer;
      return `Press Answer and type a number${inUnit(unit)}; full credit ${toleranceText(tolerance, unit)}.`;
    }
  }
}

function answerActions(presented: PresentedQuestion): Action[] {
  const { question, options } = presented;
  if (question.kind === 'single' || question.kind === 'truefalse') {
    return options.map((option) => ({
      type: 'button',
      id: QUESTION_ACTIONS.answer,
      label: option.label,
      value: choiceValue(question.id, question.kind === 'truefalse' ? option.source === 0 : option.source),
    }));
  }
  const fieldLabel =
    question.kind === 'numeric'
      ? `Value${inUnit(question.answer.unit)}`
      : question.kind === 'multi'
        ? 'Letters of every right answer'
        : 'Letters in the right order';
  return [
    {
      type: 'prompt',
      id: QUESTION_ACTIONS.submit,
      label: 'Answer',
      value: typedValue(
        question.id,
        options.map((option) => option.source),
      ),
      title: 'Your answer',
      fieldLabel,
      placeholder:
        // No digits for numbers: a fixed example could happen to be the answer.
        question.kind === 'numeric' ? 'a number' : question.kind === 'multi' ? 'e.g. A C' : 'e.g. C A B',
    },
  ];
}

function answerText(presented: PresentedQuestion): string {
  const { question, options } = presented;
  switch (question.kind) {
    case 'single':
    case 'multi':
      return options
        .map((option, i) => {
          const choice = question.choices[option.source]!;
          const label = `${optionLetter(i)}. ${option.label}`;
          return choice.correct ? `✓ **${label}**: ${choice.why}` : `✗ ${label}: ${choice.why}`;
        })
        .join('\n');
    case 'truefalse':
      return `**Answer: ${question.answer ? 'True' : 'False'}**`;
    case 'ordering':
      return ['**Right order:**', ...question.items.map((item, i) => `${i + 1}. ${item}`)].join('\n');
    case 'numeric': {
      const { value, unit, tolerance, partialTolerance } = question.answer;
      const half =
        partialTolerance === undefined ? '' : `, half credit ${toleranceText(partialTolerance, unit)}`;
      return `**Answer: ${withUnit(formatValue(value), unit)}** (full credit ${toleranceText(tolerance, unit)}${half})`;
    }
  }
}

/**
 * A relative tolerance in words, after "full credit": 0.02 → `within ±2%`, 0 → `for the exact value
 * only`; for answers in % it says the band is relative, not percentage points.
 */
function toleranceText(fraction: number, unit: string): string {
  if (fraction === 0) return 'for the exact value only';
  const band = `within ±${Number((fraction * 100).toPrecision(3))}%`;
  return unit === '%' ? `${band} of the value (relative, not percentage points)` : band;
}

/**
 * The answer value, readable and finer than any tolerance: `131,072`, `2.3056`, `1.71429` (6
 * significant digits), `5.76e23`.
 */
function formatValue(value: number): string {
  const size = Math.abs(value);
  if (size !== 0 && (size >= 1e15 || size < 1e-4)) {
    return Number(value.toPrecision(6)).toExponential().replace('e+', 'e');
  }
  if (Number.isInteger(value) || size >= 1e5)
    return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return value.toLocaleString('en-US', { maximumSignificantDigits: 6 });
}
