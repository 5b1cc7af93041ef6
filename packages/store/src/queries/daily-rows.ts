import type {
  DailyPostKind,
  DailyPostRecord,
  DailyPostStatus,
  DailySubscription,
  Platform,
} from '@mlsys/core';
import type { Insertable, Selectable } from 'kysely';
import type { DailyPostsTable, DailySubscriptionsTable } from '../schema/tables-daily-ratings-review.js';

/** A stored subscription row as the port's record. */
export function toSubscription(row: Selectable<DailySubscriptionsTable>): DailySubscription {
  return {
    platform: row.platform as Platform,
    channelId: row.channel_id,
    timeZone: row.time_zone,
    localTime: row.local_time,
    weekdays: row.weekdays === '' ? [] : row.weekdays.split(',').map(Number),
    topics: JSON.parse(row.topics) as string[],
    difficulty: { min: row.difficulty_min, max: row.difficulty_max },
    revealAfterMs: row.reveal_after_ms,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    nextPostAt: row.next_post_at,
    nextLocalDate: row.next_local_date,
  };
}

/** A subscription as a row. */
export function subscriptionRow(s: DailySubscription): Insertable<DailySubscriptionsTable> {
  return {
    platform: s.platform,
    channel_id: s.channelId,
    time_zone: s.timeZone,
    local_time: s.localTime,
    weekdays: s.weekdays.join(','),
    topics: JSON.stringify(s.topics),
    difficulty_min: s.difficulty.min,
    difficulty_max: s.difficulty.max,
    reveal_after_ms: s.revealAfterMs,
    created_by: s.createdBy,
    updated_at: s.updatedAt,
    next_post_at: s.nextPostAt,
    next_local_date: s.nextLocalDate,
  };
}

/** A stored daily row as the port's record. */
export function toDailyPost(row: Selectable<DailyPostsTable>): DailyPostRecord {
  return {
    id: row.id,
    platform: row.platform as Platform,
    channelId: row.channel_id,
    kind: row.kind as DailyPostKind,
    localDate: row.local_date,
    status: row.status as DailyPostStatus,
    claimedAt: row.claimed_at,
    claimToken: row.claim_token,
    question: row.question === null ? null : (JSON.parse(row.question) as DailyPostRecord['question']),
    messageId: row.message_id,
    postedAt: row.posted_at,
    revealAt: row.reveal_at,
    revealClaimedAt: row.reveal_claimed_at,
    revealedAt: row.revealed_at,
  };
}
