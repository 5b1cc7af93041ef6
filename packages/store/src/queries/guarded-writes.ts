import type { NewAnswer, PlayerRecord, QuizStore, SubmitResult } from '@mlsys/core';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../schema/tables.js';
import type { SqlEngine } from './quiz-store.js';

/**
 * On PostgreSQL, a write guarded by the quiz's phase takes a share lock on the quiz row in the same
 * statement, so a phase change (an UPDATE of that row) waits for writes already checked against the
 * old phase, and writes after it see the new phase. SQLite has one writer: nothing to lock.
 */
function lockQuizRow<O>(
  engine: SqlEngine,
  query: SelectQueryBuilder<Database, 'quizzes', O>,
): SelectQueryBuilder<Database, 'quizzes', O> {
  return engine === 'postgres' ? query.forShare() : query;
}

/**
 * Records an answer in ONE statement: `INSERT … SELECT … FROM quizzes WHERE <round open, at <=
 * deadline, player in> ON CONFLICT DO NOTHING RETURNING`. The primary key (quiz, round, user) makes a
 * second answer a no-op; the WHERE makes a late one a no-op. Only when nothing was inserted does a
 * second query find out why.
 */
export async function submitAnswer(
  db: Kysely<Database>,
  engine: SqlEngine,
  { quizId, round, userId, answer, at }: NewAnswer,
): Promise<SubmitResult> {
  const inserted = await db
    .insertInto('quiz_answers')
    .columns(['quiz_id', 'round', 'user_id', 'answer', 'answered_at'])
    .expression(
      lockQuizRow(
        engine,
        db
          .selectFrom('quizzes')
          .select([
            'quizzes.id',
            'quizzes.round',
            sql<string>`cast(${userId} as text)`.as('user_id'),
            sql<string>`cast(${answer} as text)`.as('answer'),
            sql<number>`cast(${at} as bigint)`.as('answered_at'),
          ])
          .where('quizzes.id', '=', quizId)
          .where('quizzes.phase', '=', 'question')
          .where('quizzes.round', '=', round)
          .where('quizzes.phase_ends_at', '>=', at)
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('quiz_players')
                .select('quiz_players.user_id')
                .where('quiz_players.quiz_id', '=', quizId)
                .where('quiz_players.user_id', '=', userId)
                .where('quiz_players.left_at', 'is', null),
            ),
          ),
      ),
    )
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .executeTakeFirst();
  if (inserted) return { accepted: true };

  const why = await db
    .selectFrom('quizzes as q')
    .select(({ exists, selectFrom }) => [
      'q.round',
      exists(
        selectFrom('quiz_answers')
          .select('quiz_answers.user_id')
          .where('quiz_answers.quiz_id', '=', quizId)
          .where('quiz_answers.round', '=', round)
          .where('quiz_answers.user_id', '=', userId),
      ).as('answered'),
      exists(
        selectFrom('quiz_players')
          .select('quiz_players.user_id')
          .where('quiz_players.quiz_id', '=', quizId)
          .where('quiz_players.user_id', '=', userId)
          .where('quiz_players.left_at', 'is', null),
      ).as('playing'),
    ])
    .where('q.id', '=', quizId)
    .executeTakeFirst();
  if (!why) return { accepted: false, reason: 'not-open' };
  if (truthy(why.answered)) return { accepted: false, reason: 'duplicate' };
  if (!truthy(why.playing)) return { accepted: false, reason: 'not-player' };
  return { accepted: false, reason: round >= 1 && round <= why.round ? 'late' : 'not-open' };
}

/** Adds a player in one statement guarded by the lobby phase. */
export async function addPlayer(
  db: Kysely<Database>,
  engine: SqlEngine,
  quizId: string,
  player: Pick<PlayerRecord, 'userId' | 'name' | 'team' | 'rating' | 'joinedAt'>,
): ReturnType<QuizStore['addPlayer']> {
  const inserted = await db
    .insertInto('quiz_players')
    .columns(['quiz_id', 'user_id', 'name', 'team', 'rating', 'joined_at'])
    .expression(
      lockQuizRow(
        engine,
        db
          .selectFrom('quizzes')
          .select([
            'quizzes.id',
            sql<string>`cast(${player.userId} as text)`.as('user_id'),
            sql<string>`cast(${player.name} as text)`.as('name'),
            sql<number | null>`cast(${player.team} as integer)`.as('team'),
            sql<number>`cast(${player.rating} as double precision)`.as('rating'),
            sql<number>`cast(${player.joinedAt} as bigint)`.as('joined_at'),
          ])
          .where('quizzes.id', '=', quizId)
          .where('quizzes.phase', '=', 'lobby'),
      ),
    )
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .executeTakeFirst();
  if (inserted) return 'joined';
  const existing = await db
    .selectFrom('quiz_players')
    .select('user_id')
    .where('quiz_id', '=', quizId)
    .where('user_id', '=', player.userId)
    .executeTakeFirst();
  return existing ? 'already-joined' : 'not-open';
}

/** Deletes a lobby player, or marks a player of a started quiz as left; each step one guarded statement. */
export async function removePlayer(
  db: Kysely<Database>,
  engine: SqlEngine,
  quizId: string,
  userId: string,
  at: number,
): ReturnType<QuizStore['removePlayer']> {
  const removed = await db
    .deleteFrom('quiz_players')
    .where('quiz_id', '=', quizId)
    .where('user_id', '=', userId)
    .where('left_at', 'is', null)
    .where(({ exists }) =>
      exists(
        lockQuizRow(
          engine,
          db
            .selectFrom('quizzes')
            .select('quizzes.id')
            .where('quizzes.id', '=', quizId)
            .where('quizzes.phase', '=', 'lobby'),
        ),
      ),
    )
    .returning('user_id')
    .executeTakeFirst();
  if (removed) return 'removed';
  const left = await db
    .updateTable('quiz_players')
    .set({ left_at: at })
    .where('quiz_id', '=', quizId)
    .where('user_id', '=', userId)
    .where('left_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('quizzes')
          .select('quizzes.id')
          .where('quizzes.id', '=', quizId)
          .where('quizzes.phase', '<>', 'lobby'),
      ),
    )
    .returning('user_id')
    .executeTakeFirst();
  return left ? 'left' : 'not-player';
}

/** SQLite answers EXISTS with 0/1, PostgreSQL with a boolean. */
function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}
