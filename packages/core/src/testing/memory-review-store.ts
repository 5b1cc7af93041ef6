import type { ReviewCardRecord, ReviewStore } from '../ports/store-review.js';

/** The in-memory {@link ReviewStore} of {@link createMemoryStore}. */
export function createMemoryReviewStore(): ReviewStore {
  const optIns = new Map<string, boolean>();
  const cards = new Map<string, ReviewCardRecord>();
  const copy = structuredClone;
  const mine = (platform: string, userId: string) =>
    [...cards.values()].filter((c) => c.platform === platform && c.userId === userId);
  return {
    async setOptIn(platform, userId, on) {
      optIns.set(`${platform}:${userId}`, on);
    },
    isOptedIn: async (platform, userId) => optIns.get(`${platform}:${userId}`) ?? false,
    async putCard(card) {
      cards.set(`${card.platform}:${card.userId}:${card.questionKey}`, copy(card));
    },
    getCard: async (platform, userId, questionKey) => copy(cards.get(`${platform}:${userId}:${questionKey}`)),
    async dueCards(platform, userId, now, limit) {
      return mine(platform, userId)
        .filter((c) => c.due <= now)
        .sort((a, b) => a.due - b.due || (a.questionKey < b.questionKey ? -1 : 1))
        .slice(0, limit)
        .map((c) => copy(c));
    },
    async counts(platform, userId, now) {
      const list = mine(platform, userId);
      return { cards: list.length, due: list.filter((c) => c.due <= now).length };
    },
  };
}
