import type { QuizRecord, QuizStore } from '@mlsys/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/tables.js';
import { applyQuizChange } from './apply-change.js';
import { addPlayer, removePlayer, submitAnswer } from './guarded-writes.js';
import { toAnswerRecord, toPlayerRecord, toQuizRecord, toRoundRecord } from './rows.js';

/** Which engine runs the queries: PostgreSQL also takes row locks that SQLite's single writer makes moot. */
export type SqlEngine = 'sqlite' | 'postgres';

/** The {@link QuizStore} over Kysely: one set of queries for SQLite and PostgreSQL. */
export function createSqlQuizStore(db: Kysely<Database>, engine: SqlEngine): QuizStore {
  const selectQuiz = () => db.selectFrom('quizzes').selectAll();
  const activeQuiz = async (platform: string, channelId: string) => {
    const row = await selectQuiz()
      .where('platform', '=', platform)
      .where('channel_id', '=', channelId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return row && toQuizRecord(row);
  };

  return {
    async createQuiz(init) {
      const record: QuizRecord = { ...init, phase: 'lobby', round: 0, endedAt: null, version: 0 };
      for (let attempt = 0; attempt < 3; attempt++) {
        const inserted = await db
          .insertInto('quizzes')
          .values({
            id: record.id,
            platform: record.platform,
            channel_id: record.channelId,
            host_id: record.hostId,
            settings: JSON.stringify(record.settings),
            phase: record.phase,
            round: record.round,
            phase_ends_at: record.phaseEndsAt,
            created_at: record.createdAt,
            ended_at: null,
            version: record.version,
          })
          // Any unique key: the id, or the one-active-quiz-per-channel index.
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .executeTakeFirst();
        if (inserted) return { created: true, quiz: record };
        const active = await activeQuiz(init.platform, init.channelId);
        if (active) return { created: false, active };
        // The active quiz ended between the two statements (or the id is taken): try again.
      }
      throw new Error(`store: could not create quiz ${init.id} (id already used?)`);
    },

    async getQuiz(quizId) {
      const row = await selectQuiz().where('id', '=', quizId).executeTakeFirst();
      return row && toQuizRecord(row);
    },

    activeQuiz,

    async dueQuizzes(now, limit) {
      const rows = await selectQuiz()
        .where('ended_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb.and([eb('phase', '=', 'question'), eb('phase_ends_at', '<', now)]),
            eb.and([eb('phase', '<>', 'question'), eb('phase_ends_at', '<=', now)]),
          ]),
        )
        .orderBy('phase_ends_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toQuizRecord);
    },

    addPlayer: (quizId, player) => addPlayer(db, engine, quizId, player),
    removePlayer: (quizId, userId, at) => removePlayer(db, engine, quizId, userId, at),

    async listPlayers(quizId) {
      const rows = await db
        .selectFrom('quiz_players')
        .selectAll()
        .where('quiz_id', '=', quizId)
        .orderBy('joined_at')
        .orderBy('user_id')
        .execute();
      return rows.map(toPlayerRecord);
    },

    async getRound(quizId, round) {
      const row = await db
        .selectFrom('quiz_rounds')
        .selectAll()
        .where('quiz_id', '=', quizId)
        .where('round', '=', round)
        .executeTakeFirst();
      return row && toRoundRecord(row);
    },

    async listAnswers(quizId, round) {
      const rows = await db
        .selectFrom('quiz_answers')
        .selectAll()
        .where('quiz_id', '=', quizId)
        .where('round', '=', round)
        .orderBy('answered_at')
        .orderBy('user_id')
        .execute();
      return rows.map(toAnswerRecord);
    },

    async roundProgress(quizId, round) {
      const row = await db
        .selectNoFrom((eb) => [
          eb
            .selectFrom('quiz_answers')
            .select((e) => e.fn.countAll<number>().as('n'))
            .where('quiz_id', '=', quizId)
            .where('round', '=', round)
            .as('answered'),
          eb
            .selectFrom('quiz_players')
            .select((e) => e.fn.countAll<number>().as('n'))
            .where('quiz_id', '=', quizId)
            .where('left_at', 'is', null)
            .as('players'),
        ])
        .executeTakeFirstOrThrow();
      return { answered: Number(row.answered), players: Number(row.players) };
    },

    submitAnswer: (answer) => submitAnswer(db, engine, answer),

    applyChange: (quizId, expectedVersion, change) => applyQuizChange(db, quizId, expectedVersion, change),

    async recentQuestionIds(platform, channelId, limit) {
      const rows = await db
        .selectFrom('quiz_rounds as r')
        .innerJoin('quizzes as q', 'q.id', 'r.quiz_id')
        .select('r.question_id')
        .where('q.platform', '=', platform)
        .where('q.channel_id', '=', channelId)
        .orderBy('q.created_at', 'desc')
        .orderBy('r.round', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => row.question_id);
    },
  };
}
