import { DAILY_ACTIONS } from '../../daily/daily-actions.js';
import { submitDailyAnswer } from '../../daily/daily-answer.js';
import { type ActionSpec, defineAction } from '../../router/actions.js';
import { storeOf } from './bot-services.js';

const answer = defineAction({
  id: DAILY_ACTIONS.answer,
  run: (action, { services }) =>
    submitDailyAnswer(storeOf(services), {
      platform: action.platform,
      user: action.user,
      value: action.value,
      at: services.clock.now().getTime(),
    }),
});

const submit = defineAction({
  id: DAILY_ACTIONS.submit,
  run: (action, { services }) =>
    submitDailyAnswer(storeOf(services), {
      platform: action.platform,
      user: action.user,
      value: action.value,
      typed: action.input ?? '',
      at: services.clock.now().getTime(),
    }),
});

/** The daily question's answer buttons, for `createRouter({ actions })`. */
export const dailyActions: readonly ActionSpec[] = [answer, submit];
