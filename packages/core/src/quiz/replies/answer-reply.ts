import type { AnswerRejection } from '../../ports/store-quiz.js';
import type { Reply } from '../../reply/reply.js';

/** A short ephemeral reply. */
export function note(text: string, data?: unknown): Reply {
  return {
    visibility: 'ephemeral',
    blocks: [{ type: 'text', text }],
    fallbackText: text.replaceAll('**', ''),
    data,
  };
}

/**
 * The presser's answer to their answer: "locked in" (never right or wrong: that waits for the round
 * to close), or why it did not count, politely.
 */
export function answerReply(round: number, shown: string, rejection: AnswerRejection | undefined): Reply {
  if (rejection === undefined) {
    return note(`Locked in: **${shown}**. The answer comes when round ${round} closes.`, {
      accepted: true,
      round,
    });
  }
  const text: Record<AnswerRejection, string> = {
    duplicate: `You already answered round ${round}: one answer per round, the first one counts.`,
    late: `Sorry, round ${round} closed before your answer arrived. Catch the next one!`,
    'not-player': 'You are not playing in this quiz: players join in the lobby, before it starts.',
    'not-open': `Round ${round} is not open.`,
  };
  return note(text[rejection], { accepted: false, round, reason: rejection });
}
