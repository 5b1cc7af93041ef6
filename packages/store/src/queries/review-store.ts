import type { Platform, ReviewCardRecord, ReviewStore } from '@mlsys/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema/tables.js';
import type { ReviewCardsTable } from '../schema/tables-daily-ratings-review.js';

const toCard = (r: Selectable<ReviewCardsTable>): ReviewCardRecord => ({
  platform: r.platform as Platform,
  userId: r.user_id,
  questionKey: r.question_key,
  due: r.due,
  card: JSON.parse(r.card) as Record<string, unknown>,
  updatedAt: r.updated_at,
});

/** The {@link ReviewStore} over Kysely. */
export function createSqlReviewStore(db: Kysely<Database>): ReviewStore {
  const cards = (platform: string, userId: string) =>
    db.selectFrom('review_cards').where('platform', '=', platform).where('user_id', '=', userId);
  return {
    async setOptIn(platform, userId, on, at) {
      await db
        .insertInto('review_opt_ins')
        .values({ platform, user_id: userId, opted_in: on ? 1 : 0, updated_at: at })
        .onConflict((oc) =>
          oc.columns(['platform', 'user_id']).doUpdateSet({ opted_in: on ? 1 : 0, updated_at: at }),
        )
        .execute();
    },
    async isOptedIn(platform, userId) {
      const row = await db
        .selectFrom('review_opt_ins')
        .select('opted_in')
        .where('platform', '=', platform)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.opted_in === 1;
    },
    async putCard(card) {
      const values = { due: card.due, card: JSON.stringify(card.card), updated_at: card.updatedAt };
      await db
        .insertInto('review_cards')
        .values({ platform: card.platform, user_id: card.userId, question_key: card.questionKey, ...values })
        .onConflict((oc) => oc.columns(['platform', 'user_id', 'question_key']).doUpdateSet(values))
        .execute();
    },
    async getCard(platform, userId, questionKey) {
      const row = await cards(platform, userId)
        .selectAll()
        .where('question_key', '=', questionKey)
        .executeTakeFirst();
      return row && toCard(row);
    },
    async dueCards(platform, userId, now, limit) {
      const rows = await cards(platform, userId)
        .selectAll()
        .where('due', '<=', now)
        .orderBy('due')
        .orderBy('question_key')
        .limit(limit)
        .execute();
      return rows.map(toCard);
    },
    async counts(platform, userId, now) {
      const row = await cards(platform, userId)
        .select((eb) => [
          eb.fn.countAll<number>().as('cards'),
          eb.fn.sum<number>(eb.case().when('due', '<=', now).then(1).else(0).end()).as('due'),
        ])
        .executeTakeFirstOrThrow();
      return { cards: Number(row.cards), due: Number(row.due ?? 0) };
    },
  };
}
