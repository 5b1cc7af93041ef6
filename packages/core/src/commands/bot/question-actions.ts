import type { PresentedQuestion } from '@mlsys/corpus';
import { UserError } from '@mlsys/errors';
import {
  type GradedAnswer,
  gradeChoice,
  gradeTyped,
  presentedInOrder,
} from '../../questions/answer-grading.js';
import { parseQuestionValue, QUESTION_ACTIONS } from '../../questions/question-actions.js';
import { findQuestion } from '../../questions/question-lookup.js';
import { questionRevealReply } from '../../questions/question-reply.js';
import { type AttemptOutcome, rateAttempt } from '../../ratings/rate-attempt.js';
import type { Reply } from '../../reply/reply.js';
import { type ReviewOutcome, recordReview } from '../../review/review-answer.js';
import {
  type ActionContext,
  type ActionInvocation,
  type ActionSpec,
  defineAction,
} from '../../router/actions.js';
import { corpusOf } from './bot-services.js';

/** `1500 → 1624 (+124)`. */
export function ratingChange(before: number, after: number): string {
  const delta = Math.round(after) - Math.round(before);
  return `${Math.round(before)} → ${Math.round(after)} (${delta >= 0 ? '+' : ''}${delta})`;
}

/** Grades, rates (first attempts only), feeds the review deck, and reveals the answer to the presser. */
async function answered(
  action: ActionInvocation,
  { services }: ActionContext,
  typed: boolean,
): Promise<Reply> {
  const { questionId, detail } = parseQuestionValue(action.value);
  const corpus = await corpusOf(services);
  const question = findQuestion(corpus, questionId);
  if (!question)
    throw new UserError('question/unknown', 'That question is not one I know (any more).', {
      example: '/question',
    });
  const order = detail !== undefined && /^\d+$/.test(detail) ? [...detail].map(Number) : [];
  let graded: GradedAnswer;
  let presented: PresentedQuestion;
  if (typed) {
    presented = presentedInOrder(question, order);
    graded = gradeTyped(presented, action.input ?? '');
  } else {
    graded = gradeChoice(question, detail);
    presented = presentedInOrder(
      question,
      question.kind === 'single' ? question.choices.map((_, i) => i) : [],
    );
  }
  const at = services.clock.now().getTime();
  let rating: AttemptOutcome = { rated: false };
  let review: ReviewOutcome = { kind: 'off' };
  if (services.store) {
    await services.store.users.upsertUser({
      platform: action.platform,
      userId: action.user.id,
      name: action.user.name,
    });
    const user = { platform: action.platform, userId: action.user.id };
    rating = await rateAttempt(services.store, {
      ...user,
      question,
      credit: graded.credit,
      at,
      via: 'question',
    });
    review = await recordReview(services.store, {
      ...user,
      questionId: question.id,
      credit: graded.credit,
      at,
    });
  }
  const verdict =
    graded.credit === 1
      ? `✓ **Right**: ${graded.shown}.`
      : graded.credit > 0
        ? `◐ **Half credit**: ${graded.shown}.`
        : `✗ **Not quite**: you said ${graded.shown}.`;
  const notes = [
    rating.rated
      ? `Rating in ${question.topic}: ${ratingChange(rating.topic.before, rating.topic.after)}; overall ${ratingChange(rating.overall.before, rating.overall.after)}.`
      : 'Answered before: ratings change on first attempts only.',
    review.kind === 'scheduled'
      ? `In your review deck: due again ${new Date(review.due).toISOString().slice(0, 16).replace('T', ' ')} UTC.`
      : undefined,
  ].filter((line) => line !== undefined);
  const reveal = questionRevealReply(presented, { visibility: 'ephemeral' });
  reveal.blocks.splice(1, 0, { type: 'text', text: verdict }, { type: 'context', text: notes.join('\n') });
  return {
    ...reveal,
    fallbackText: `${verdict.replaceAll('**', '')}\n${reveal.fallbackText}`,
    data: { ...(reveal.data as object), credit: graded.credit, rating, review },
  };
}

/** The answer buttons and form of `/question` and `/review` replies. */
export const questionActions: readonly ActionSpec[] = [
  defineAction({ id: QUESTION_ACTIONS.answer, run: (action, context) => answered(action, context, false) }),
  defineAction({ id: QUESTION_ACTIONS.submit, run: (action, context) => answered(action, context, true) }),
];
