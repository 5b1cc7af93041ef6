import type { QuizChange } from '@mlsys/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/tables.js';
import { definedOnly } from './rows.js';

/**
 * Applies a quiz transition in one transaction: first the compare-and-set on the quiz row
 * (`UPDATE … SET version = version + 1 WHERE id = ? AND version = ?`), then the writes that depend on
 * it. On PostgreSQL the UPDATE locks the row: a competing transition from the same version waits,
 * then re-checks the version, finds it changed and updates nothing. Any error rolls everything back.
 *
 * @returns false when the quiz is not at `expectedVersion` (another instance moved it first).
 */
export async function applyQuizChange(
  db: Kysely<Database>,
  quizId: string,
  expectedVersion: number,
  change: QuizChange,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const quiz = change.quiz ?? {};
    const claimed = await trx
      .updateTable('quizzes')
      .set({
        ...definedOnly({
          phase: quiz.phase,
          round: quiz.round,
          phase_ends_at: quiz.phaseEndsAt,
          ended_at: quiz.endedAt,
          settings: quiz.settings && JSON.stringify(quiz.settings),
        }),
        version: sql<number>`version + 1`,
      })
      .where('id', '=', quizId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;

    if (change.newRounds && change.newRounds.length > 0) {
      await trx
        .insertInto('quiz_rounds')
        .values(
          change.newRounds.map((r) => ({
            quiz_id: quizId,
            round: r.round,
            question_id: r.question.id,
            question: JSON.stringify(r.question),
            opened_at: r.openedAt,
            deadline: r.deadline,
            closed_at: r.closedAt,
          })),
        )
        .execute();
    }
    for (const r of change.rounds ?? []) {
      const set = definedOnly({ opened_at: r.openedAt, deadline: r.deadline, closed_at: r.closedAt });
      if (Object.keys(set).length === 0) continue;
      await trx
        .updateTable('quiz_rounds')
        .set(set)
        .where('quiz_id', '=', quizId)
        .where('round', '=', r.round)
        .execute();
    }
    for (const p of change.players ?? []) {
      const set = definedOnly({ team: p.team, score: p.score, streak: p.streak, correct: p.correct });
      if (Object.keys(set).length === 0) continue;
      await trx
        .updateTable('quiz_players')
        .set(set)
        .where('quiz_id', '=', quizId)
        .where('user_id', '=', p.userId)
        .execute();
    }
    for (const a of change.answers ?? []) {
      await trx
        .updateTable('quiz_answers')
        .set({ credit: a.credit, points: a.points })
        .where('quiz_id', '=', quizId)
        .where('round', '=', a.round)
        .where('user_id', '=', a.userId)
        .execute();
    }
    return true;
  });
}
