import type { Platform } from '../commands/invocation.js';
import type { Store } from '../ports/store.js';
import type { DailySubscription } from '../ports/store-daily.js';
import { addDays } from './local-time.js';
import { nextOccurrenceAfter, type Occurrence, occurrenceOnOrAfter } from './schedule.js';

/** A channel's daily settings as an admin gives them. */
export type DailySettings = Pick<
  DailySubscription,
  'timeZone' | 'localTime' | 'weekdays' | 'topics' | 'difficulty' | 'revealAfterMs'
>;

/**
 * Subscribes a channel (or changes its settings): the first post is the next scheduled time after
 * `now`. A post already made today is not repeated (the day's row exists).
 */
export async function subscribeChannel(
  store: Store,
  channel: { platform: Platform; channelId: string },
  settings: DailySettings,
  by: string,
  now: number,
): Promise<DailySubscription> {
  const next = nextOccurrenceAfter(settings, now);
  const subscription: DailySubscription = {
    ...channel,
    ...settings,
    createdBy: by,
    updatedAt: now,
    nextPostAt: next.at,
    nextLocalDate: next.localDate,
  };
  await store.daily.putSubscription(subscription);
  return subscription;
}

/**
 * Skips the channel's next post that has not been made: its day is marked `skipped` under the same
 * unique key a post would take, so no instance posts it.
 *
 * @returns the skipped occurrence.
 */
export async function skipNextPost(
  store: Store,
  sub: DailySubscription,
  now: number,
  newId: () => string,
): Promise<Occurrence> {
  let from = sub.nextLocalDate;
  for (let i = 0; i < 14; i++) {
    const occurrence = occurrenceOnOrAfter(sub, from);
    const claim = await store.daily.claimPost({
      id: newId(),
      platform: sub.platform,
      channelId: sub.channelId,
      kind: 'question',
      localDate: occurrence.localDate,
      claimToken: newId(),
      at: now,
      staleBefore: now,
      question: null,
      skip: true,
    });
    if (claim.claimed) return occurrence;
    from = addDays(occurrence.localDate, 1);
  }
  throw new Error('daily: no day to skip in the next two weeks');
}

/**
 * The upcoming post of a subscription: its stored next date, or the one after it when that date is
 * already handled (posted or skipped).
 */
export async function upcomingPost(store: Store, sub: DailySubscription): Promise<Occurrence> {
  let from = sub.nextLocalDate;
  for (let i = 0; i < 14; i++) {
    const occurrence = occurrenceOnOrAfter(sub, from);
    const row = await store.daily.getPostByDate(
      sub.platform,
      sub.channelId,
      'question',
      occurrence.localDate,
    );
    if (!row) return occurrence;
    from = addDays(occurrence.localDate, 1);
  }
  return occurrenceOnOrAfter(sub, from);
}
