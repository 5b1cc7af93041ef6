import type { Platform } from '../commands/invocation.js';
import type {
  DailyAnswerRecord,
  DailyPostKind,
  DailyPostRecord,
  DailyStore,
  DailySubscription,
  DailyTotals,
} from '../ports/store-daily.js';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The in-memory {@link DailyStore} of {@link createMemoryStore}: each method runs synchronously inside
 * its promise, so each is atomic as one SQL statement is.
 */
export function createMemoryDailyStore(): DailyStore {
  const subscriptions = new Map<string, DailySubscription>();
  const posts = new Map<string, DailyPostRecord>();
  const answers = new Map<string, DailyAnswerRecord[]>();
  const copy = structuredClone;
  const channelKey = (platform: Platform, channelId: string) => `${platform}:${channelId}`;
  const findPost = (platform: Platform, channelId: string, kind: DailyPostKind, localDate: string) =>
    [...posts.values()].find(
      (p) =>
        p.platform === platform && p.channelId === channelId && p.kind === kind && p.localDate === localDate,
    );

  return {
    async putSubscription(subscription) {
      subscriptions.set(channelKey(subscription.platform, subscription.channelId), copy(subscription));
    },
    getSubscription: async (platform, channelId) => copy(subscriptions.get(channelKey(platform, channelId))),
    deleteSubscription: async (platform, channelId) => subscriptions.delete(channelKey(platform, channelId)),
    async dueSubscriptions(now, limit) {
      return [...subscriptions.values()]
        .filter((s) => s.nextPostAt <= now)
        .sort(
          (a, b) =>
            a.nextPostAt - b.nextPostAt ||
            compare(a.platform, b.platform) ||
            compare(a.channelId, b.channelId),
        )
        .slice(0, limit)
        .map((s) => copy(s));
    },
    async advanceSubscription(platform, channelId, expectedNextPostAt, next) {
      const s = subscriptions.get(channelKey(platform, channelId));
      if (!s || s.nextPostAt !== expectedNextPostAt) return false;
      Object.assign(s, next);
      return true;
    },
    async claimPost(claim) {
      const existing = findPost(claim.platform, claim.channelId, claim.kind, claim.localDate);
      if (!existing) {
        const post: DailyPostRecord = {
          id: claim.id,
          platform: claim.platform,
          channelId: claim.channelId,
          kind: claim.kind,
          localDate: claim.localDate,
          status: claim.skip ? 'skipped' : 'claimed',
          claimedAt: claim.at,
          claimToken: claim.claimToken,
          question: copy(claim.question),
          messageId: null,
          postedAt: null,
          revealAt: null,
          revealClaimedAt: null,
          revealedAt: null,
        };
        posts.set(post.id, post);
        return { claimed: true, post: copy(post) };
      }
      const stale =
        !claim.skip &&
        existing.status === 'claimed' &&
        existing.messageId === null &&
        existing.claimedAt < claim.staleBefore;
      if (stale) {
        Object.assign(existing, {
          claimedAt: claim.at,
          claimToken: claim.claimToken,
          question: copy(claim.question),
        });
        return { claimed: true, post: copy(existing) };
      }
      return { claimed: false, post: copy(existing) };
    },
    async recordPosted(postId, claimToken, posted) {
      const post = posts.get(postId);
      if (!post || post.claimToken !== claimToken || post.status !== 'claimed') return false;
      Object.assign(post, { ...posted, status: 'posted' });
      return true;
    },
    getPost: async (postId) => copy(posts.get(postId)),
    getPostByDate: async (platform, channelId, kind, localDate) =>
      copy(findPost(platform, channelId, kind, localDate)),
    async recentPosts(platform, channelId, kind, limit) {
      return [...posts.values()]
        .filter((p) => p.platform === platform && p.channelId === channelId && p.kind === kind)
        .sort((a, b) => compare(b.localDate, a.localDate))
        .slice(0, limit)
        .map((p) => copy(p));
    },
    async dueReveals(now, staleBefore, limit) {
      return [...posts.values()]
        .filter(
          (p) =>
            p.kind === 'question' &&
            p.messageId !== null &&
            p.revealedAt === null &&
            p.revealAt !== null &&
            p.revealAt <= now &&
            (p.revealClaimedAt === null || p.revealClaimedAt < staleBefore),
        )
        .sort((a, b) => a.revealAt! - b.revealAt! || compare(a.id, b.id))
        .slice(0, limit)
        .map((p) => copy(p));
    },
    async claimReveal(postId, expectedClaimedAt, at) {
      const post = posts.get(postId);
      if (!post || post.revealedAt !== null || post.revealClaimedAt !== expectedClaimedAt) return false;
      post.revealClaimedAt = at;
      return true;
    },
    async recordRevealed(postId, at) {
      const post = posts.get(postId);
      if (post) Object.assign(post, { revealedAt: at, status: 'revealed' });
    },
    async submitAnswer(answer) {
      const post = posts.get(answer.postId);
      if (
        post?.kind !== 'question' ||
        (post.status !== 'claimed' && post.status !== 'posted' && post.status !== 'revealed')
      ) {
        return { accepted: false, reason: 'not-open' };
      }
      const list = answers.get(answer.postId) ?? [];
      if (list.some((a) => a.userId === answer.userId)) return { accepted: false, reason: 'duplicate' };
      if (post.revealClaimedAt !== null || (post.revealAt !== null && answer.answeredAt > post.revealAt)) {
        return { accepted: false, reason: 'late' };
      }
      answers.set(answer.postId, [...list, copy(answer)]);
      return { accepted: true };
    },
    listAnswers: async (postId) =>
      copy(
        [...(answers.get(postId) ?? [])].sort(
          (a, b) => a.answeredAt - b.answeredAt || compare(a.userId, b.userId),
        ),
      ),
    async answeredBy(userId, postIds) {
      return new Set(postIds.filter((id) => (answers.get(id) ?? []).some((a) => a.userId === userId)));
    },
    async totals(platform, channelId, fromDate, toDate, limit) {
      const byUser = new Map<string, DailyTotals>();
      for (const post of posts.values()) {
        if (post.platform !== platform || post.channelId !== channelId || post.kind !== 'question') continue;
        if ((fromDate !== null && post.localDate < fromDate) || (toDate !== null && post.localDate > toDate))
          continue;
        for (const a of answers.get(post.id) ?? []) {
          const t = byUser.get(a.userId) ?? { userId: a.userId, answered: 0, credit: 0, correctMs: 0 };
          t.answered++;
          t.credit += a.credit;
          if (a.credit === 1) t.correctMs += a.answeredAt - (post.postedAt ?? post.claimedAt);
          byUser.set(a.userId, t);
        }
      }
      return [...byUser.values()]
        .sort((a, b) => b.credit - a.credit || a.correctMs - b.correctMs || compare(a.userId, b.userId))
        .slice(0, limit);
    },
  };
}
