import type { DailyStore } from '@mlsys/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/tables.js';
import { subscriptionRow, toDailyPost, toSubscription } from './daily-rows.js';

/**
 * The {@link DailyStore} over Kysely. Exactly-once posting rests on the unique index
 * `daily_posts_one_per_day (platform, channel_id, kind, local_date)`: a claim is an
 * `INSERT … ON CONFLICT DO NOTHING`, and taking over a stale claim is an UPDATE whose WHERE repeats the
 * staleness test, so of several instances exactly one gets each row.
 */
export function createSqlDailyStore(db: Kysely<Database>): DailyStore {
  const posts = () => db.selectFrom('daily_posts').selectAll();
  return {
    async putSubscription(subscription) {
      const row = subscriptionRow(subscription);
      const { platform: _p, channel_id: _c, ...rest } = row;
      await db
        .insertInto('daily_subscriptions')
        .values(row)
        .onConflict((oc) => oc.columns(['platform', 'channel_id']).doUpdateSet(rest))
        .execute();
    },

    async getSubscription(platform, channelId) {
      const row = await db
        .selectFrom('daily_subscriptions')
        .selectAll()
        .where('platform', '=', platform)
        .where('channel_id', '=', channelId)
        .executeTakeFirst();
      return row && toSubscription(row);
    },

    async deleteSubscription(platform, channelId) {
      const result = await db
        .deleteFrom('daily_subscriptions')
        .where('platform', '=', platform)
        .where('channel_id', '=', channelId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async dueSubscriptions(now, limit) {
      const rows = await db
        .selectFrom('daily_subscriptions')
        .selectAll()
        .where('next_post_at', '<=', now)
        .orderBy('next_post_at')
        .orderBy('platform')
        .orderBy('channel_id')
        .limit(limit)
        .execute();
      return rows.map(toSubscription);
    },

    async advanceSubscription(platform, channelId, expectedNextPostAt, next) {
      const result = await db
        .updateTable('daily_subscriptions')
        .set({ next_post_at: next.nextPostAt, next_local_date: next.nextLocalDate })
        .where('platform', '=', platform)
        .where('channel_id', '=', channelId)
        .where('next_post_at', '=', expectedNextPostAt)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async claimPost(claim) {
      const question = claim.question === null ? null : JSON.stringify(claim.question);
      const inserted = await db
        .insertInto('daily_posts')
        .values({
          id: claim.id,
          platform: claim.platform,
          channel_id: claim.channelId,
          kind: claim.kind,
          local_date: claim.localDate,
          status: claim.skip ? 'skipped' : 'claimed',
          claimed_at: claim.at,
          claim_token: claim.claimToken,
          question_id: claim.question?.question.id ?? null,
          question,
        })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { claimed: true, post: toDailyPost(inserted) };
      const key = (q: ReturnType<typeof posts>) =>
        q
          .where('platform', '=', claim.platform)
          .where('channel_id', '=', claim.channelId)
          .where('kind', '=', claim.kind)
          .where('local_date', '=', claim.localDate);
      if (!claim.skip) {
        const takenOver = await db
          .updateTable('daily_posts')
          .set({
            claimed_at: claim.at,
            claim_token: claim.claimToken,
            question_id: claim.question?.question.id ?? null,
            question,
          })
          .where('platform', '=', claim.platform)
          .where('channel_id', '=', claim.channelId)
          .where('kind', '=', claim.kind)
          .where('local_date', '=', claim.localDate)
          .where('status', '=', 'claimed')
          .where('message_id', 'is', null)
          .where('claimed_at', '<', claim.staleBefore)
          .returningAll()
          .executeTakeFirst();
        if (takenOver) return { claimed: true, post: toDailyPost(takenOver) };
      }
      const existing = await key(posts()).executeTakeFirstOrThrow();
      return { claimed: false, post: toDailyPost(existing) };
    },

    async recordPosted(postId, claimToken, posted) {
      const result = await db
        .updateTable('daily_posts')
        .set({
          status: 'posted',
          message_id: posted.messageId,
          posted_at: posted.postedAt,
          reveal_at: posted.revealAt,
        })
        .where('id', '=', postId)
        .where('claim_token', '=', claimToken)
        .where('status', '=', 'claimed')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async getPost(postId) {
      const row = await posts().where('id', '=', postId).executeTakeFirst();
      return row && toDailyPost(row);
    },

    async getPostByDate(platform, channelId, kind, localDate) {
      const row = await posts()
        .where('platform', '=', platform)
        .where('channel_id', '=', channelId)
        .where('kind', '=', kind)
        .where('local_date', '=', localDate)
        .executeTakeFirst();
      return row && toDailyPost(row);
    },

    async recentPosts(platform, channelId, kind, limit) {
      const rows = await posts()
        .where('platform', '=', platform)
        .where('channel_id', '=', channelId)
        .where('kind', '=', kind)
        .orderBy('local_date', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toDailyPost);
    },

    async dueReveals(now, staleBefore, limit) {
      const rows = await posts()
        .where('kind', '=', 'question')
        .where('message_id', 'is not', null)
        .where('revealed_at', 'is', null)
        .where('reveal_at', '<=', now)
        .where((eb) =>
          eb.or([eb('reveal_claimed_at', 'is', null), eb('reveal_claimed_at', '<', staleBefore)]),
        )
        .orderBy('reveal_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toDailyPost);
    },

    async claimReveal(postId, expectedClaimedAt, at) {
      const result = await db
        .updateTable('daily_posts')
        .set({ reveal_claimed_at: at })
        .where('id', '=', postId)
        .where('revealed_at', 'is', null)
        .where((eb) =>
          expectedClaimedAt === null
            ? eb('reveal_claimed_at', 'is', null)
            : eb('reveal_claimed_at', '=', expectedClaimedAt),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async recordRevealed(postId, at) {
      await db
        .updateTable('daily_posts')
        .set({ revealed_at: at, status: 'revealed' })
        .where('id', '=', postId)
        .execute();
    },

    async submitAnswer({ postId, userId, answer, answeredAt, credit }) {
      // One statement: the row is taken only while the post is open (the reveal neither claimed nor
      // due), and the primary key (post_id, user_id) turns a second answer into a no-op.
      const inserted = await db
        .insertInto('daily_answers')
        .columns(['post_id', 'user_id', 'answer', 'answered_at', 'credit'])
        .expression(
          db
            .selectFrom('daily_posts')
            .select([
              'daily_posts.id',
              sql<string>`cast(${userId} as text)`.as('user_id'),
              sql<string>`cast(${answer} as text)`.as('answer'),
              sql<number>`cast(${answeredAt} as bigint)`.as('answered_at'),
              sql<number>`cast(${credit} as double precision)`.as('credit'),
            ])
            .where('daily_posts.id', '=', postId)
            .where('daily_posts.kind', '=', 'question')
            .where('daily_posts.status', 'in', ['claimed', 'posted'])
            .where('daily_posts.reveal_claimed_at', 'is', null)
            .where((eb) =>
              eb.or([eb('daily_posts.reveal_at', 'is', null), eb('daily_posts.reveal_at', '>=', answeredAt)]),
            ),
        )
        .onConflict((oc) => oc.doNothing())
        .returning('user_id')
        .executeTakeFirst();
      if (inserted) return { accepted: true };
      const post = await db
        .selectFrom('daily_posts')
        .select(['kind', 'status'])
        .where('id', '=', postId)
        .executeTakeFirst();
      if (post?.kind !== 'question' || post.status === 'skipped')
        return { accepted: false, reason: 'not-open' };
      const already = await db
        .selectFrom('daily_answers')
        .select('user_id')
        .where('post_id', '=', postId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return { accepted: false, reason: already ? 'duplicate' : 'late' };
    },

    async listAnswers(postId) {
      const rows = await db
        .selectFrom('daily_answers')
        .selectAll()
        .where('post_id', '=', postId)
        .orderBy('answered_at')
        .orderBy('user_id')
        .execute();
      return rows.map((r) => ({
        postId: r.post_id,
        userId: r.user_id,
        answer: r.answer,
        answeredAt: r.answered_at,
        credit: r.credit,
      }));
    },

    async answeredBy(userId, postIds) {
      if (postIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('daily_answers')
        .select('post_id')
        .where('user_id', '=', userId)
        .where('post_id', 'in', [...new Set(postIds)])
        .execute();
      return new Set(rows.map((r) => r.post_id));
    },

    async totals(platform, channelId, fromDate, toDate, limit) {
      let query = db
        .selectFrom('daily_answers as a')
        .innerJoin('daily_posts as p', 'p.id', 'a.post_id')
        .select((eb) => [
          'a.user_id',
          eb.fn.countAll<number>().as('answered'),
          eb.fn.sum<number>('a.credit').as('credit'),
          eb.fn
            .sum<number>(
              sql<number>`case when a.credit = 1 then a.answered_at - coalesce(p.posted_at, p.claimed_at) else 0 end`,
            )
            .as('correct_ms'),
        ])
        .where('p.platform', '=', platform)
        .where('p.channel_id', '=', channelId)
        .where('p.kind', '=', 'question');
      if (fromDate !== null) query = query.where('p.local_date', '>=', fromDate);
      if (toDate !== null) query = query.where('p.local_date', '<=', toDate);
      const rows = await query
        .groupBy('a.user_id')
        .orderBy('credit', 'desc')
        .orderBy('correct_ms')
        .orderBy('a.user_id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        userId: r.user_id,
        answered: Number(r.answered),
        credit: Number(r.credit),
        correctMs: Number(r.correct_ms),
      }));
    },
  };
}
