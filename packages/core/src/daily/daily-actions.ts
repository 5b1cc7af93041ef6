import { QUESTION_ACTIONS } from '../questions/question-actions.js';
import type { Reply } from '../reply/reply.js';

/** Action ids of daily-question buttons (routed back through `router.handleAction`). */
export const DAILY_ACTIONS = {
  /** A choice button; value `<post id>#<choice index in the question>` or `<post id>#true|false`. */
  answer: 'daily:answer',
  /** The typed-answer form (numeric, multi, ordering); value `<post id>`, the text as `input`. */
  submit: 'daily:submit',
} as const;

/**
 * Turns a question reply's buttons into daily buttons: the same labels, ids `daily:*`, and values that
 * name the post instead of the question (the post holds the question as laid out, so the handler
 * needs no more). Values stay far below Discord's 100 characters: a 16-character id, `#` and a detail.
 */
export function toDailyButtons(reply: Reply, postId: string): Reply {
  return {
    ...reply,
    blocks: reply.blocks.map((block) =>
      block.type !== 'actions'
        ? block
        : {
            type: 'actions',
            actions: block.actions.map((action) => {
              const hash = action.value.lastIndexOf('#');
              if (action.id === QUESTION_ACTIONS.answer) {
                return {
                  ...action,
                  id: DAILY_ACTIONS.answer,
                  value: `${postId}#${action.value.slice(hash + 1)}`,
                };
              }
              return { ...action, id: DAILY_ACTIONS.submit, value: postId };
            }),
          },
    ),
  };
}

/** Reads a daily button value into the post id and the detail after `#`. */
export function parseDailyValue(value: string): { postId: string; detail: string | undefined } {
  const hash = value.indexOf('#');
  return hash < 0
    ? { postId: value, detail: undefined }
    : { postId: value.slice(0, hash), detail: value.slice(hash + 1) };
}
