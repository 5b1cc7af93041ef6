import { DEFAULT_RATING, type Platform, type UserStore } from '@mlsys/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/tables.js';

/** The {@link UserStore} over Kysely. */
export function createSqlUserStore(db: Kysely<Database>): UserStore {
  return {
    async upsertUser({ platform, userId, name }) {
      await db
        .insertInto('users')
        .values({ platform, user_id: userId, name })
        .onConflict((oc) => oc.columns(['platform', 'user_id']).doUpdateSet({ name }))
        .execute();
    },
    async upsertChannel({ platform, channelId, name }) {
      await db
        .insertInto('channels')
        .values({ platform, channel_id: channelId, name })
        .onConflict((oc) => oc.columns(['platform', 'channel_id']).doUpdateSet({ name }))
        .execute();
    },
    async getUser(platform, userId) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('platform', '=', platform)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row && { platform: row.platform as Platform, userId: row.user_id, name: row.name };
    },
    async ratingsOf(platform, userIds) {
      const ratings = new Map(userIds.map((id) => [id, DEFAULT_RATING]));
      if (userIds.length === 0) return ratings;
      const rows = await db
        .selectFrom('ratings')
        .select(['user_id', 'rating'])
        .where('platform', '=', platform)
        .where('user_id', 'in', [...new Set(userIds)])
        .execute();
      for (const row of rows) ratings.set(row.user_id, row.rating);
      return ratings;
    },
  };
}
