import type { Reply } from '@mlsys/core';
import type { SlackMessage } from './block-kit-types.js';
import { SLACK_LIMITS } from './limits.js';

/**
 * Adds when a timed reply closes (`data.deadline`, epoch ms, as quiz rounds carry) as a context line
 * in Slack's date format, which each reader sees in their own time zone:
 * `<!date^SECONDS^{time_secs}|fallback>` (Slack, "Formatting text for app surfaces", date formatting).
 * The fallback is the UTC time. Pure; a message already at the block limit is left as it is.
 */
export function withDeadline(message: SlackMessage, reply: Reply): SlackMessage {
  const deadline = (reply.data as { deadline?: unknown } | undefined)?.deadline;
  if (typeof deadline !== 'number' || !Number.isFinite(deadline)) return message;
  if (message.blocks.length >= SLACK_LIMITS.blocksPerMessage) return message;
  const seconds = Math.ceil(deadline / 1000);
  const fallback = `${new Date(seconds * 1000).toISOString().slice(11, 19)} UTC`;
  return {
    ...message,
    blocks: [
      ...message.blocks,
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `:stopwatch: Closes at <!date^${seconds}^{time_secs}|${fallback}>` },
        ],
      },
    ],
  };
}
