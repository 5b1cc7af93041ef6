import type { AttemptRecord, RatingStore, RatingSubject, StoredRating } from '../ports/store-ratings.js';

/** The key of a subject in the maps below. */
const keyOf = (s: RatingSubject) =>
  s.kind === 'question' ? `q:${s.questionKey}` : `p:${s.platform}:${s.userId}:${s.topic ?? ''}`;

/**
 * The in-memory {@link RatingStore} of {@link createMemoryStore}. Overall player ratings are also
 * written to `overall` (`platform:userId` → rating), the map `users.ratingsOf` reads.
 */
export function createMemoryRatingStore(overall: Map<string, number>): RatingStore {
  const states = new Map<string, StoredRating & { subject: RatingSubject }>();
  const attempts = new Map<string, AttemptRecord>();
  const copy = structuredClone;
  const strip = ({ subject: _subject, ...state }: StoredRating & { subject: RatingSubject }) => state;

  return {
    get: async (subjects) => subjects.map((s) => copy(states.get(keyOf(s)) && strip(states.get(keyOf(s))!))),
    async put(updates) {
      const ok = updates.every((u) => (states.get(keyOf(u.subject))?.games ?? 0) === u.expectedGames);
      if (!ok) return false;
      for (const u of updates) {
        states.set(keyOf(u.subject), { ...copy(u.next), subject: copy(u.subject) });
        if (u.subject.kind === 'player' && u.subject.topic === null) {
          overall.set(`${u.subject.platform}:${u.subject.userId}`, u.next.rating);
        }
      }
      return true;
    },
    async playerTopics(platform, userId) {
      return [...states.values()]
        .flatMap((s) =>
          s.subject.kind === 'player' &&
          s.subject.platform === platform &&
          s.subject.userId === userId &&
          s.subject.topic !== null
            ? [{ ...strip(s), topic: s.subject.topic }]
            : [],
        )
        .sort((a, b) => b.rating - a.rating || (a.topic < b.topic ? -1 : 1));
    },
    async topPlayers(platform, topic, limit, userIds) {
      const only = userIds && new Set(userIds);
      return [...states.values()]
        .flatMap((s) =>
          s.subject.kind === 'player' &&
          s.subject.platform === platform &&
          s.subject.topic === topic &&
          (!only || only.has(s.subject.userId))
            ? [{ ...strip(s), userId: s.subject.userId }]
            : [],
        )
        .sort((a, b) => b.rating - a.rating || (a.userId < b.userId ? -1 : 1))
        .slice(0, limit);
    },
    async recordAttempt(attempt) {
      const key = `${attempt.platform}:${attempt.userId}:${attempt.questionId}`;
      if (attempts.has(key)) return false;
      attempts.set(key, copy(attempt));
      return true;
    },
    async attemptedIds(platform, userId, limit) {
      return [...attempts.values()]
        .filter((a) => a.platform === platform && a.userId === userId)
        .sort((a, b) => b.at - a.at || (a.questionId < b.questionId ? 1 : -1))
        .slice(0, limit)
        .map((a) => a.questionId);
    },
    async accuracy(platform, userId) {
      const byTopic = new Map<string, { topic: string; attempts: number; correct: number }>();
      for (const a of attempts.values()) {
        if (a.platform !== platform || a.userId !== userId) continue;
        const t = byTopic.get(a.topic) ?? { topic: a.topic, attempts: 0, correct: 0 };
        t.attempts++;
        if (a.credit === 1) t.correct++;
        byTopic.set(a.topic, t);
      }
      return [...byTopic.values()].sort((a, b) => (a.topic < b.topic ? -1 : 1));
    },
  };
}
