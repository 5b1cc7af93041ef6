import type { QuizRecord, RoundRecord } from '../../ports/store-quiz.js';
import { inUnit } from '../../questions/answer-unit.js';
import type { Block, Reply } from '../../reply/reply.js';
import { QUIZ_ACTIONS, toActionValue } from '../action-values.js';
import { letter, roundOf, seconds } from './quiz-text.js';

/** Slack's button label limit, characters (shared/reference/quiz-and-platforms.md). */
const BUTTON_LABEL_MAX = 75;

/**
 * A round's question with one button per choice (or a prompt for a typed number). It carries the
 * prompt and the choice texts only: nothing in it tells which choice is right, and every button
 * value has the same shape (`<quiz>.<round>.<index>`).
 */
export function questionReply(quiz: QuizRecord, round: RoundRecord): Reply {
  const q = round.question;
  const blocks: Block[] = [
    { type: 'header', text: roundOf(quiz, round.round) },
    { type: 'text', text: q.prompt },
  ];
  const timer = seconds(quiz.settings.roundMs).replace('.0', '');
  let fallback = `${roundOf(quiz, round.round)}: ${q.prompt}`;
  if (q.kind === 'numeric') {
    blocks.push({
      type: 'actions',
      actions: [
        {
          type: 'prompt',
          id: QUIZ_ACTIONS.numeric,
          label: 'Type your answer',
          value: toActionValue(quiz.id, round.round),
          title: 'Your answer',
          fieldLabel: `A number${inUnit(q.answer.unit)}`,
          placeholder: 'a number', // no digits: a fixed example could happen to be the answer
        },
      ],
    });
    if (inUnit(q.answer.unit) !== '') fallback += ` (answer${inUnit(q.answer.unit)})`;
  } else {
    const lines = q.choices.map((c, i) => `**${letter(i)}.** ${c.text}`);
    blocks.push({ type: 'text', text: lines.join('\n') });
    blocks.push({
      type: 'actions',
      actions: q.choices.map((c, i) => {
        const full = `${letter(i)}. ${c.text}`;
        return {
          type: 'button' as const,
          id: QUIZ_ACTIONS.answer,
          label: full.length <= BUTTON_LABEL_MAX ? full : letter(i),
          value: toActionValue(quiz.id, round.round, i),
        };
      }),
    });
    fallback += ` ${q.choices.map((c, i) => `${letter(i)}. ${c.text}`).join('  ')}`;
  }
  const unit =
    q.kind === 'numeric' && inUnit(q.answer.unit) !== '' ? ` · answer${inUnit(q.answer.unit)}` : '';
  blocks.push({
    type: 'context',
    text: `${q.topic} · difficulty ${q.difficulty} · ${timer} · one answer each${unit} · ${
      quiz.settings.speedScoring ? 'faster right answers score more' : 'every right answer scores 1000'
    }`,
  });
  return {
    visibility: 'public',
    blocks,
    fallbackText: fallback,
    data: {
      quizId: quiz.id,
      round: round.round,
      rounds: quiz.settings.rounds,
      questionId: q.id,
      kind: q.kind,
      prompt: q.prompt,
      ...(q.kind === 'numeric' ? { unit: q.answer.unit } : { choices: q.choices.map((c) => c.text) }),
      deadline: round.deadline,
    },
  };
}
