import type { Platform } from '../commands/invocation.js';
import type { Store } from '../ports/store.js';
import type { AnswerRecord, PlayerRecord, QuizRecord, QuizStore, RoundRecord } from '../ports/store-quiz.js';
import { type ChannelRecord, DEFAULT_RATING, type UserRecord, type UserStore } from '../ports/store-users.js';
import { createMemoryDailyStore } from './memory-daily-store.js';
import { createMemoryRatingStore } from './memory-rating-store.js';
import { createMemoryReviewStore } from './memory-review-store.js';

/** Code-unit order, as SQL `ORDER BY` on ASCII ids. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The in-memory fake of {@link Store} for core's unit tests. Every method runs synchronously inside
 * its promise, so each is atomic as a database statement would be; records are copied in and out so
 * callers cannot change stored state by mutating what they got. It passes the same contract suite as
 * the SQLite and PostgreSQL stores (`store-contract.ts`).
 */
export function createMemoryStore(): Store & {
  ratings: Store['ratings'] & { set(key: string, rating: number): Map<string, number> };
} {
  const quizzes = new Map<string, QuizRecord>();
  const players = new Map<string, PlayerRecord[]>();
  const rounds = new Map<string, RoundRecord[]>();
  const answers = new Map<string, AnswerRecord[]>();
  const users = new Map<string, UserRecord>();
  const channels = new Map<string, ChannelRecord>();
  /** Ratings by `platform:userId`; tests set them directly. */
  const ratings = new Map<string, number>();
  const copy = structuredClone;
  // A quiz occupies its channel until `endedAt` is set (the SQL stores index `ended_at IS NULL`).
  const isActive = (quiz: QuizRecord) => quiz.endedAt === null;
  const playersOf = (quizId: string) => players.get(quizId) ?? [];
  const answersOf = (quizId: string) => answers.get(quizId) ?? [];
  const findActive = (platform: Platform, channelId: string) =>
    [...quizzes.values()].find((q) => q.platform === platform && q.channelId === channelId && isActive(q));

  const quiz: QuizStore = {
    async createQuiz(init) {
      const active = findActive(init.platform, init.channelId);
      if (active) return { created: false, active: copy(active) };
      const record: QuizRecord = { ...copy(init), phase: 'lobby', round: 0, endedAt: null, version: 0 };
      quizzes.set(record.id, record);
      return { created: true, quiz: copy(record) };
    },
    getQuiz: async (quizId) => copy(quizzes.get(quizId)),
    activeQuiz: async (platform, channelId) => copy(findActive(platform, channelId)),
    async dueQuizzes(now, limit) {
      return [...quizzes.values()]
        .filter((q) => isActive(q) && (q.phase === 'question' ? q.phaseEndsAt < now : q.phaseEndsAt <= now))
        .sort((a, b) => a.phaseEndsAt - b.phaseEndsAt || compare(a.id, b.id))
        .slice(0, limit)
        .map((q) => copy(q));
    },
    async addPlayer(quizId, player) {
      const list = playersOf(quizId);
      if (list.some((p) => p.userId === player.userId)) return 'already-joined';
      if (quizzes.get(quizId)?.phase !== 'lobby') return 'not-open';
      players.set(quizId, [...list, { ...copy(player), leftAt: null, score: 0, streak: 0, correct: 0 }]);
      return 'joined';
    },
    async removePlayer(quizId, userId, at) {
      const list = playersOf(quizId);
      const player = list.find((p) => p.userId === userId && p.leftAt === null);
      const phase = quizzes.get(quizId)?.phase;
      if (!player || phase === undefined) return 'not-player';
      if (phase === 'lobby') {
        players.set(
          quizId,
          list.filter((p) => p !== player),
        );
        return 'removed';
      }
      player.leftAt = at;
      return 'left';
    },
    listPlayers: async (quizId) =>
      copy([...playersOf(quizId)].sort((a, b) => a.joinedAt - b.joinedAt || compare(a.userId, b.userId))),
    getRound: async (quizId, round) => copy(rounds.get(quizId)?.find((r) => r.round === round)),
    listAnswers: async (quizId, round) =>
      copy(
        answersOf(quizId)
          .filter((a) => a.round === round)
          .sort((a, b) => a.answeredAt - b.answeredAt || compare(a.userId, b.userId)),
      ),
    async roundProgress(quizId, round) {
      return {
        answered: answersOf(quizId).filter((a) => a.round === round).length,
        players: playersOf(quizId).filter((p) => p.leftAt === null).length,
      };
    },
    async submitAnswer({ quizId, round, userId, answer, at }) {
      const q = quizzes.get(quizId);
      if (!q) return { accepted: false, reason: 'not-open' };
      const list = answersOf(quizId);
      if (list.some((a) => a.round === round && a.userId === userId)) {
        return { accepted: false, reason: 'duplicate' };
      }
      if (!playersOf(quizId).some((p) => p.userId === userId && p.leftAt === null)) {
        return { accepted: false, reason: 'not-player' };
      }
      if (q.phase !== 'question' || q.round !== round || at > q.phaseEndsAt) {
        return { accepted: false, reason: round >= 1 && round <= q.round ? 'late' : 'not-open' };
      }
      answers.set(quizId, [...list, { round, userId, answer, answeredAt: at, credit: null, points: null }]);
      return { accepted: true };
    },
    async applyChange(quizId, expectedVersion, change) {
      const q = quizzes.get(quizId);
      if (!q || q.version !== expectedVersion) return false;
      // Check every target exists before writing anything: all or nothing.
      const roundList = rounds.get(quizId) ?? [];
      const playerList = playersOf(quizId);
      const answerList = answersOf(quizId);
      for (const r of change.newRounds ?? []) {
        if (roundList.some((x) => x.round === r.round)) throw new Error(`round ${r.round} exists`);
      }
      Object.assign(q, copy(change.quiz ?? {}), { version: q.version + 1 });
      rounds.set(quizId, [...roundList, ...copy(change.newRounds ?? [])]);
      for (const patch of change.rounds ?? []) {
        const target = rounds.get(quizId)!.find((r) => r.round === patch.round);
        if (target) Object.assign(target, patch);
      }
      for (const { userId, ...patch } of change.players ?? []) {
        const target = playerList.find((p) => p.userId === userId);
        if (target) Object.assign(target, patch);
      }
      for (const { round, userId, ...patch } of change.answers ?? []) {
        const target = answerList.find((a) => a.round === round && a.userId === userId);
        if (target) Object.assign(target, patch);
      }
      return true;
    },
    async recentQuestionIds(platform, channelId, limit) {
      const ids: string[] = [];
      const recent = [...quizzes.values()]
        .filter((q) => q.platform === platform && q.channelId === channelId)
        .sort((a, b) => b.createdAt - a.createdAt);
      for (const q of recent) {
        const list = [...(rounds.get(q.id) ?? [])].sort((a, b) => b.round - a.round);
        for (const r of list) if (ids.length < limit) ids.push(r.question.id);
      }
      return ids;
    },
  };

  const key = (platform: Platform, id: string) => `${platform}:${id}`;
  const userStore: UserStore = {
    async upsertUser(user) {
      users.set(key(user.platform, user.userId), copy(user));
    },
    async upsertChannel(channel) {
      channels.set(key(channel.platform, channel.channelId), copy(channel));
    },
    getUser: async (platform, userId) => copy(users.get(key(platform, userId))),
    async ratingsOf(platform, userIds) {
      return new Map(userIds.map((id) => [id, ratings.get(key(platform, id)) ?? DEFAULT_RATING]));
    },
  };

  return {
    engine: 'memory',
    quiz,
    users: userStore,
    daily: createMemoryDailyStore(),
    // `set` writes an overall rating directly, as tests that seed ratings do.
    ratings: Object.assign(createMemoryRatingStore(ratings), {
      set: (key: string, rating: number) => ratings.set(key, rating),
    }),
    review: createMemoryReviewStore(),
    close: async () => {},
  };
}
