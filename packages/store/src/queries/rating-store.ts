import type { Platform, RatingStore, RatingSubject, StoredRating } from '@mlsys/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema/tables.js';

type Db = Kysely<Database> | Transaction<Database>;

const state = (r: { rating: number; rd: number; volatility: number; games: number; updated_at: number }) => ({
  rating: r.rating,
  rd: r.rd,
  volatility: r.volatility,
  games: r.games,
  updatedAt: r.updated_at,
});

async function read(db: Db, subject: RatingSubject): Promise<StoredRating | undefined> {
  let row: Parameters<typeof state>[0] | undefined;
  if (subject.kind === 'question') {
    row = await db
      .selectFrom('question_ratings')
      .selectAll()
      .where('question_key', '=', subject.questionKey)
      .executeTakeFirst();
  } else if (subject.topic === null) {
    row = await db
      .selectFrom('ratings')
      .selectAll()
      .where('platform', '=', subject.platform)
      .where('user_id', '=', subject.userId)
      .executeTakeFirst();
  } else {
    row = await db
      .selectFrom('topic_ratings')
      .selectAll()
      .where('platform', '=', subject.platform)
      .where('user_id', '=', subject.userId)
      .where('topic', '=', subject.topic)
      .executeTakeFirst();
  }
  return row && state(row);
}

/**
 * Writes `next` if the stored state still has `expectedGames` games: an UPDATE guarded by the count,
 * or for 0 an INSERT that may only replace a row that also has 0 games. True when one row changed.
 */
async function write(
  db: Db,
  subject: RatingSubject,
  expectedGames: number,
  next: StoredRating,
): Promise<boolean> {
  const values = {
    rating: next.rating,
    rd: next.rd,
    volatility: next.volatility,
    games: next.games,
    updated_at: next.updatedAt,
  };
  const changed = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) === 1;
  if (subject.kind === 'question') {
    if (expectedGames > 0) {
      return changed(
        await db
          .updateTable('question_ratings')
          .set(values)
          .where('question_key', '=', subject.questionKey)
          .where('games', '=', expectedGames)
          .executeTakeFirst(),
      );
    }
    const row = await db
      .insertInto('question_ratings')
      .values({ question_key: subject.questionKey, ...values })
      .onConflict((oc) =>
        oc.column('question_key').doUpdateSet(values).where('question_ratings.games', '=', 0),
      )
      .returning('question_key')
      .executeTakeFirst();
    return row !== undefined;
  }
  const { platform, userId, topic } = subject;
  if (topic === null) {
    if (expectedGames > 0) {
      return changed(
        await db
          .updateTable('ratings')
          .set(values)
          .where('platform', '=', platform)
          .where('user_id', '=', userId)
          .where('games', '=', expectedGames)
          .executeTakeFirst(),
      );
    }
    const row = await db
      .insertInto('ratings')
      .values({ platform, user_id: userId, ...values })
      .onConflict((oc) =>
        oc.columns(['platform', 'user_id']).doUpdateSet(values).where('ratings.games', '=', 0),
      )
      .returning('user_id')
      .executeTakeFirst();
    return row !== undefined;
  }
  if (expectedGames > 0) {
    return changed(
      await db
        .updateTable('topic_ratings')
        .set(values)
        .where('platform', '=', platform)
        .where('user_id', '=', userId)
        .where('topic', '=', topic)
        .where('games', '=', expectedGames)
        .executeTakeFirst(),
    );
  }
  const row = await db
    .insertInto('topic_ratings')
    .values({ platform, user_id: userId, topic, ...values })
    .onConflict((oc) =>
      oc.columns(['platform', 'user_id', 'topic']).doUpdateSet(values).where('topic_ratings.games', '=', 0),
    )
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Thrown inside the transaction to roll it back when a compare-and-set fails. */
class Moved extends Error {}

/** The {@link RatingStore} over Kysely. */
export function createSqlRatingStore(db: Kysely<Database>): RatingStore {
  return {
    get: (subjects) => Promise.all(subjects.map((s) => read(db, s))),

    async put(updates) {
      try {
        await db.transaction().execute(async (trx) => {
          for (const u of updates) {
            if (!(await write(trx, u.subject, u.expectedGames, u.next))) throw new Moved();
          }
        });
        return true;
      } catch (error) {
        if (error instanceof Moved) return false;
        throw error;
      }
    },

    async playerTopics(platform, userId) {
      const rows = await db
        .selectFrom('topic_ratings')
        .selectAll()
        .where('platform', '=', platform)
        .where('user_id', '=', userId)
        .orderBy('rating', 'desc')
        .orderBy('topic')
        .execute();
      return rows.map((r) => ({ ...state(r), topic: r.topic }));
    },

    async topPlayers(platform, topic, limit, userIds) {
      if (userIds !== undefined && userIds.length === 0) return [];
      if (topic === null) {
        let q = db.selectFrom('ratings').selectAll().where('platform', '=', platform);
        if (userIds) q = q.where('user_id', 'in', [...new Set(userIds)]);
        const rows = await q.orderBy('rating', 'desc').orderBy('user_id').limit(limit).execute();
        return rows.map((r) => ({ ...state(r), userId: r.user_id }));
      }
      let q = db
        .selectFrom('topic_ratings')
        .selectAll()
        .where('platform', '=', platform)
        .where('topic', '=', topic);
      if (userIds) q = q.where('user_id', 'in', [...new Set(userIds)]);
      const rows = await q.orderBy('rating', 'desc').orderBy('user_id').limit(limit).execute();
      return rows.map((r) => ({ ...state(r), userId: r.user_id }));
    },

    async recordAttempt(a) {
      const row = await db
        .insertInto('question_attempts')
        .values({
          platform: a.platform,
          user_id: a.userId,
          question_id: a.questionId,
          topic: a.topic,
          credit: a.credit,
          at: a.at,
          via: a.via,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('question_id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async attemptedIds(platform, userId, limit) {
      const rows = await db
        .selectFrom('question_attempts')
        .select('question_id')
        .where('platform', '=', platform)
        .where('user_id', '=', userId)
        .orderBy('at', 'desc')
        .orderBy('question_id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => r.question_id);
    },

    async accuracy(platform: Platform, userId: string) {
      const rows = await db
        .selectFrom('question_attempts')
        .select((eb) => [
          'topic',
          eb.fn.countAll<number>().as('attempts'),
          eb.fn.sum<number>(eb.case().when('credit', '=', 1).then(1).else(0).end()).as('correct'),
        ])
        .where('platform', '=', platform)
        .where('user_id', '=', userId)
        .groupBy('topic')
        .orderBy('topic')
        .execute();
      return rows.map((r) => ({ topic: r.topic, attempts: Number(r.attempts), correct: Number(r.correct) }));
    },
  };
}
