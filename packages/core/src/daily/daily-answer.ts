import { UserError } from '@mlsys/errors';
import type { Caller, Platform } from '../commands/invocation.js';
import type { Store } from '../ports/store.js';
import { gradeChoice, gradeTyped } from '../questions/answer-grading.js';
import { note } from '../quiz/replies/answer-reply.js';
import type { Reply } from '../reply/reply.js';
import { parseDailyValue } from './daily-actions.js';
import { localTimeOf } from './local-time.js';

/**
 * Takes a daily answer from a button (`detail`) or the answer form (`typed`). The reply says the
 * answer is locked in and when the answer comes, never whether it was right: the channel learns that
 * at the reveal.
 *
 * @throws UserError for a button of a post the bot does not know, or unreadable typed text.
 */
export async function submitDailyAnswer(
  store: Store,
  input: { platform: Platform; user: Caller; value: string; typed?: string | undefined; at: number },
): Promise<Reply> {
  const { postId, detail } = parseDailyValue(input.value);
  const post = await store.daily.getPost(postId);
  if (!post?.question) {
    throw new UserError('daily/unknown-post', 'That daily question is not one I know (any more).', {
      example: '/daily status',
    });
  }
  const presented = post.question;
  const graded =
    input.typed !== undefined
      ? gradeTyped(presented, input.typed)
      : gradeChoice(
          presented.question,
          detail,
          presented.options.map((o) => o.source),
        );
  await store.users.upsertUser({ platform: input.platform, userId: input.user.id, name: input.user.name });
  const result = await store.daily.submitAnswer({
    postId,
    userId: input.user.id,
    answer: input.typed ?? detail ?? '',
    answeredAt: input.at,
    credit: graded.credit,
  });
  if (!result.accepted) {
    const text = {
      duplicate: 'You already answered this one: one answer each.',
      late: 'Answers for this question are closed: the answer is in the channel.',
      'not-open': 'That daily question does not take answers.',
    }[result.reason];
    return note(text, { postId, accepted: false, reason: result.reason });
  }
  const when = post.revealAt === null ? 'later' : `at ${revealTime(post.revealAt)}`;
  return note(`Locked in: **${graded.shown}**. The answer comes ${when}.`, { postId, accepted: true });
}

/** `17:00 UTC`: the reveal time as a UTC clock time (each user's own zone is unknown to the bot). */
function revealTime(at: number): string {
  return `${localTimeOf(at, 'UTC')} UTC`;
}
