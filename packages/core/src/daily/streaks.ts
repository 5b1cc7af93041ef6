import type { Platform } from '../commands/invocation.js';
import type { Store } from '../ports/store.js';

/** Posts a streak looks back over (more than a year of daily questions). */
const LOOKBACK = 400;

/**
 * A user's streak in a channel: how many of the channel's daily questions in a row, newest first,
 * they answered. Questions are keyed by the channel's LOCAL date, so days turn at the channel's
 * midnight, not UTC's (the LeetCode complaint in shared/reference/quiz-and-platforms.md); days
 * without a post (weekdays off, skipped days) do not break a streak, and today's question does not
 * break it while it is still open.
 */
export async function dailyStreak(
  store: Store,
  platform: Platform,
  channelId: string,
  userId: string,
): Promise<number> {
  const posts = (await store.daily.recentPosts(platform, channelId, 'question', LOOKBACK)).filter(
    (p) => p.status === 'posted' || p.status === 'revealed',
  );
  const answered = await store.daily.answeredBy(
    userId,
    posts.map((p) => p.id),
  );
  let streak = 0;
  for (const [i, post] of posts.entries()) {
    if (answered.has(post.id)) streak++;
    else if (i === 0 && post.status === 'posted') continue;
    else break;
  }
  return streak;
}
