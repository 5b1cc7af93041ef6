import { UserError } from '@mlsys/errors';
import { parseActionValue, QUIZ_ACTIONS } from '../../quiz/action-values.js';
import { parseNumber } from '../../quiz/grade-answer.js';
import { answerReply } from '../../quiz/replies/answer-reply.js';
import { letter } from '../../quiz/replies/quiz-text.js';
import { type ActionSpec, defineAction } from '../../router/actions.js';
import { joinReply, leaveReply, startedReply } from './quiz-acks.js';
import { quizEngineFor } from './quiz-engine-for.js';

/** A choice button: records the answer; the reply says "locked in", never right or wrong. */
const answerChoice = defineAction({
  id: QUIZ_ACTIONS.answer,
  async run(action, { services }) {
    const { quizId, second: round, third: choice } = parseActionValue(action.value);
    if (round === undefined || choice === undefined) {
      throw new UserError('quiz/bad-button', 'That answer button is incomplete.');
    }
    const result = await quizEngineFor(services).answer({
      quizId,
      round,
      userId: action.user.id,
      answer: String(choice),
    });
    return answerReply(round, letter(choice), result.accepted ? undefined : result.reason);
  },
});

/** The typed answer of a numeric round. */
const answerNumber = defineAction({
  id: QUIZ_ACTIONS.numeric,
  async run(action, { services }) {
    const { quizId, second: round } = parseActionValue(action.value);
    if (round === undefined) throw new UserError('quiz/bad-button', 'That answer form is incomplete.');
    const value = parseNumber(action.input ?? '');
    if (value === undefined) {
      throw new UserError(
        'quiz/bad-number',
        `"${action.input ?? ''}" is not a number. Type digits only, in the unit asked.`,
        {
          example: '131072',
        },
      );
    }
    const result = await quizEngineFor(services).answer({
      quizId,
      round,
      userId: action.user.id,
      answer: String(value),
    });
    return answerReply(
      round,
      value.toLocaleString('en-US', { maximumFractionDigits: 6 }),
      result.accepted ? undefined : result.reason,
    );
  },
});

const joinButton = defineAction({
  id: QUIZ_ACTIONS.join,
  async run(action, { services }) {
    const { quizId, second: team } = parseActionValue(action.value);
    return joinReply(await quizEngineFor(services).join(quizId, action.user, team), action.user.id);
  },
});

const leaveButton = defineAction({
  id: QUIZ_ACTIONS.leave,
  async run(action, { services }) {
    return leaveReply(
      await quizEngineFor(services).leave(parseActionValue(action.value).quizId, action.user),
    );
  },
});

const beginButton = defineAction({
  id: QUIZ_ACTIONS.begin,
  async run(action, { services }) {
    return startedReply(
      await quizEngineFor(services).begin(parseActionValue(action.value).quizId, action.user),
    );
  },
});

/** The quiz's button handlers, for `createRouter({ actions })`. */
export const quizActions: readonly ActionSpec[] = [
  answerChoice,
  answerNumber,
  joinButton,
  leaveButton,
  beginButton,
];
