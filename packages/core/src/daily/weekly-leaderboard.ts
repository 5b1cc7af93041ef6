import type { Messenger } from '../ports/messenger.js';
import type { Store } from '../ports/store.js';
import type { DailySubscription } from '../ports/store-daily.js';
import { leaderboardReply } from './daily-replies.js';
import { addDays, mondayOf } from './local-time.js';
import { dailyPostKey } from './schedule.js';

/** What posting a leaderboard needs. */
export interface LeaderboardContext {
  store: Store;
  messenger: Messenger;
  newId: () => string;
  onError: (message: string, fields: Record<string, unknown>) => void;
}

/** Places on the weekly leaderboard. */
export const WEEKLY_LEADERBOARD_SIZE = 10;

/** Display names of users, falling back to their ids. */
export async function namesOf(
  store: Store,
  platform: DailySubscription['platform'],
  userIds: readonly string[],
) {
  const names = new Map<string, string>();
  for (const id of userIds) names.set(id, (await store.users.getUser(platform, id))?.name ?? id);
  return (id: string) => names.get(id) ?? id;
}

/**
 * Posts the previous local week's leaderboard (Monday to Sunday in the channel's zone) once, before
 * the first question of a new week: claimed under the same unique key as questions (kind
 * `leaderboard`, the week's Monday). A week without answers is marked done without a post.
 *
 * @returns true when this call posted it.
 */
export async function postWeeklyLeaderboard(
  ctx: LeaderboardContext,
  sub: DailySubscription,
  today: string,
  now: number,
  staleMs: number,
): Promise<boolean> {
  const { store } = ctx;
  const monday = addDays(mondayOf(today), -7);
  const sunday = addDays(monday, 6);
  const existing = await store.daily.getPostByDate(sub.platform, sub.channelId, 'leaderboard', monday);
  if (existing && (existing.status !== 'claimed' || existing.claimedAt >= now - staleMs)) return false;
  const totals = await store.daily.totals(
    sub.platform,
    sub.channelId,
    monday,
    sunday,
    WEEKLY_LEADERBOARD_SIZE,
  );
  const claim = await store.daily.claimPost({
    id: ctx.newId(),
    platform: sub.platform,
    channelId: sub.channelId,
    kind: 'leaderboard',
    localDate: monday,
    claimToken: ctx.newId(),
    at: now,
    staleBefore: now - staleMs,
    question: null,
    ...(totals.length === 0 ? { skip: true } : {}),
  });
  if (!claim.claimed || totals.length === 0) return false;
  const nameOf = await namesOf(
    store,
    sub.platform,
    totals.map((t) => t.userId),
  );
  try {
    const ref = await ctx.messenger.post(
      { platform: sub.platform, channelId: sub.channelId },
      leaderboardReply(
        `Daily leaderboard · week of ${monday}`,
        `Right answers ${monday} to ${sunday} (${sub.timeZone}).`,
        totals,
        nameOf,
      ),
      { key: dailyPostKey('leaderboard', monday), ...(existing ? { since: existing.claimedAt } : {}) },
    );
    await store.daily.recordPosted(claim.post.id, claim.post.claimToken, {
      messageId: ref.messageId,
      postedAt: now,
      revealAt: null,
    });
    return true;
  } catch (error) {
    ctx.onError('daily: posting the weekly leaderboard failed', { channel: sub.channelId, error });
    return false;
  }
}
