import type {
  AnswerRecord,
  Platform,
  PlayerRecord,
  QuizPhase,
  QuizQuestion,
  QuizRecord,
  QuizSettings,
  RoundRecord,
} from '@mlsys/core';
import type { Selectable } from 'kysely';
import type { QuizAnswersTable, QuizPlayersTable, QuizRoundsTable, QuizzesTable } from '../schema/tables.js';

/** A stored quiz row as the port's record. */
export function toQuizRecord(row: Selectable<QuizzesTable>): QuizRecord {
  return {
    id: row.id,
    platform: row.platform as Platform,
    channelId: row.channel_id,
    hostId: row.host_id,
    settings: JSON.parse(row.settings) as QuizSettings,
    phase: row.phase as QuizPhase,
    round: row.round,
    phaseEndsAt: row.phase_ends_at,
    createdAt: row.created_at,
    endedAt: row.ended_at,
    version: row.version,
  };
}

/** A stored player row as the port's record. */
export function toPlayerRecord(row: Selectable<QuizPlayersTable>): PlayerRecord {
  return {
    userId: row.user_id,
    name: row.name,
    team: row.team,
    rating: row.rating,
    joinedAt: row.joined_at,
    leftAt: row.left_at,
    score: row.score,
    streak: row.streak,
    correct: row.correct,
  };
}

/** A stored round row as the port's record. */
export function toRoundRecord(row: Selectable<QuizRoundsTable>): RoundRecord {
  return {
    round: row.round,
    question: JSON.parse(row.question) as QuizQuestion,
    openedAt: row.opened_at,
    deadline: row.deadline,
    closedAt: row.closed_at,
  };
}

/** A stored answer row as the port's record. */
export function toAnswerRecord(row: Selectable<QuizAnswersTable>): AnswerRecord {
  return {
    round: row.round,
    userId: row.user_id,
    answer: row.answer,
    answeredAt: row.answered_at,
    credit: row.credit,
    points: row.points,
  };
}

/** Drops keys whose value is `undefined`, so a partial patch sets only what it names. */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
