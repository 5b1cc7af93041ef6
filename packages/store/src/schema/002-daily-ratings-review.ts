import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The daily question, ratings per topic and per question, first attempts, and opt-in review cards.
 * The rules that hold across instances: one daily row per (channel, kind, local date) (a unique index:
 * claim before posting) and one answer per (post, user) (the primary key).
 */
export const dailyRatingsReviewMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('daily_subscriptions')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('local_time', 'text', (c) => c.notNull())
      .addColumn('weekdays', 'text', (c) => c.notNull())
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('difficulty_min', 'integer', (c) => c.notNull())
      .addColumn('difficulty_max', 'integer', (c) => c.notNull())
      .addColumn('reveal_after_ms', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('next_post_at', 'bigint', (c) => c.notNull())
      .addColumn('next_local_date', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('daily_subscriptions_pk', ['platform', 'channel_id'])
      .execute();
    await db.schema
      .createIndex('daily_subscriptions_due')
      .on('daily_subscriptions')
      .column('next_post_at')
      .execute();

    await db.schema
      .createTable('daily_posts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('local_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('claimed_at', 'bigint', (c) => c.notNull())
      .addColumn('claim_token', 'text', (c) => c.notNull())
      .addColumn('question_id', 'text')
      .addColumn('question', 'text')
      .addColumn('message_id', 'text')
      .addColumn('posted_at', 'bigint')
      .addColumn('reveal_at', 'bigint')
      .addColumn('reveal_claimed_at', 'bigint')
      .addColumn('revealed_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('daily_posts_one_per_day')
      .on('daily_posts')
      .columns(['platform', 'channel_id', 'kind', 'local_date'])
      .unique()
      .execute();
    await db.schema
      .createIndex('daily_posts_reveals_due')
      .on('daily_posts')
      .column('reveal_at')
      .where(sql.ref('revealed_at'), 'is', null)
      .execute();

    await db.schema
      .createTable('daily_answers')
      .addColumn('post_id', 'text', (c) => c.notNull().references('daily_posts.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('answered_at', 'bigint', (c) => c.notNull())
      .addColumn('credit', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('daily_answers_one_per_user', ['post_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('topic_ratings')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('rating', 'double precision', (c) => c.notNull())
      .addColumn('rd', 'double precision', (c) => c.notNull())
      .addColumn('volatility', 'double precision', (c) => c.notNull())
      .addColumn('games', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('topic_ratings_pk', ['platform', 'user_id', 'topic'])
      .execute();
    await db.schema
      .createTable('question_ratings')
      .addColumn('question_key', 'text', (c) => c.primaryKey())
      .addColumn('rating', 'double precision', (c) => c.notNull())
      .addColumn('rd', 'double precision', (c) => c.notNull())
      .addColumn('volatility', 'double precision', (c) => c.notNull())
      .addColumn('games', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('question_attempts')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('credit', 'double precision', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('via', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('question_attempts_first_only', ['platform', 'user_id', 'question_id'])
      .execute();

    await db.schema
      .createTable('review_opt_ins')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('opted_in', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('review_opt_ins_pk', ['platform', 'user_id'])
      .execute();
    await db.schema
      .createTable('review_cards')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('question_key', 'text', (c) => c.notNull())
      .addColumn('due', 'bigint', (c) => c.notNull())
      .addColumn('card', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('review_cards_pk', ['platform', 'user_id', 'question_key'])
      .execute();
    await db.schema
      .createIndex('review_cards_due')
      .on('review_cards')
      .columns(['platform', 'user_id', 'due'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'review_cards',
      'review_opt_ins',
      'question_attempts',
      'question_ratings',
      'topic_ratings',
      'daily_answers',
      'daily_posts',
      'daily_subscriptions',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
