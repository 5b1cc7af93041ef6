import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Users, channels, ratings and quizzes. Written with Kysely's schema builder and types both engines
 * accept (`bigint` is SQLite INTEGER; `double precision` is SQLite REAL). The rules the bot relies on
 * across instances live here: one active quiz per channel (a partial unique index) and one answer
 * per (quiz, round, user) (the primary key).
 */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('users_pk', ['platform', 'user_id'])
      .execute();
    await db.schema
      .createTable('channels')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addPrimaryKeyConstraint('channels_pk', ['platform', 'channel_id'])
      .execute();
    await db.schema
      .createTable('ratings')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('rating', 'double precision', (c) => c.notNull())
      .addColumn('rd', 'double precision', (c) => c.notNull())
      .addColumn('volatility', 'double precision', (c) => c.notNull())
      .addColumn('games', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('ratings_pk', ['platform', 'user_id'])
      .execute();

    await db.schema
      .createTable('quizzes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('host_id', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('phase_ends_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('quizzes_one_active_per_channel')
      .on('quizzes')
      .columns(['platform', 'channel_id'])
      .unique()
      .where(sql.ref('ended_at'), 'is', null)
      .execute();
    await db.schema
      .createIndex('quizzes_due')
      .on('quizzes')
      .column('phase_ends_at')
      .where(sql.ref('ended_at'), 'is', null)
      .execute();
    await db.schema
      .createIndex('quizzes_by_channel')
      .on('quizzes')
      .columns(['platform', 'channel_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('quiz_players')
      .addColumn('quiz_id', 'text', (c) => c.notNull().references('quizzes.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('team', 'integer')
      .addColumn('rating', 'double precision', (c) => c.notNull())
      .addColumn('joined_at', 'bigint', (c) => c.notNull())
      .addColumn('left_at', 'bigint')
      .addColumn('score', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('streak', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('correct', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('quiz_players_pk', ['quiz_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('quiz_rounds')
      .addColumn('quiz_id', 'text', (c) => c.notNull().references('quizzes.id').onDelete('cascade'))
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'bigint')
      .addColumn('deadline', 'bigint')
      .addColumn('closed_at', 'bigint')
      .addPrimaryKeyConstraint('quiz_rounds_pk', ['quiz_id', 'round'])
      .execute();
    await db.schema
      .createTable('quiz_answers')
      .addColumn('quiz_id', 'text', (c) => c.notNull().references('quizzes.id').onDelete('cascade'))
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('answered_at', 'bigint', (c) => c.notNull())
      .addColumn('credit', 'double precision')
      .addColumn('points', 'integer')
      .addPrimaryKeyConstraint('quiz_answers_one_per_round', ['quiz_id', 'round', 'user_id'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'quiz_answers',
      'quiz_rounds',
      'quiz_players',
      'quizzes',
      'ratings',
      'channels',
      'users',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
