import type { Corpus } from '@mlsys/corpus';
import type { ChannelRef, Messenger } from '../ports/messenger.js';
import { createSeededRandom } from '../ports/seeded-random.js';
import type { Clock } from '../ports/services.js';
import type { Store } from '../ports/store.js';
import type { DailyPostRecord, DailySubscription } from '../ports/store-daily.js';
import { rateAttempt } from '../ratings/rate-attempt.js';
import { recordReview } from '../review/review-answer.js';
import { dailyClosedReply, dailyQuestionReply, dailyResult, dailyRevealReply } from './daily-replies.js';
import { addDays, localDateOf } from './local-time.js';
import { pickDailyQuestion } from './pick-question.js';
import { dailyPostKey, occurrenceOnOrAfter, STALE_CLAIM_MS } from './schedule.js';
import { postWeeklyLeaderboard } from './weekly-leaderboard.js';

/** What the daily scheduler runs on; all state lives in `store`, so any number of schedulers may share it. */
export interface DailySchedulerOptions {
  store: Store;
  corpus: Corpus;
  messenger: Messenger;
  clock: Clock;
  /** Mixed into every day's draw (see {@link dailyRandom}); 0 by default. */
  seed?: number;
  /** Makes post ids and claim tokens; random by default. */
  newId?: () => string;
  /** A claim older than this without a message is taken over, ms (default 10 min). */
  staleClaimMs?: number;
  /** Told about failures that must not stop the scheduler (a post that could not be sent). */
  onError?: (message: string, fields: Record<string, unknown>) => void;
}

/** What one tick did. */
export interface DailyTickResult {
  posted: number;
  revealed: number;
  leaderboards: number;
}

/** The daily question's timer: call `tick` every few seconds from every instance. */
export interface DailyScheduler {
  /**
   * Posts every daily question due at `now` (exactly once per channel and local date, across
   * instances), sends today's post late if it was missed (never a past day's), posts last week's
   * leaderboard before a week's first question, and reveals answers that are due.
   */
  tick(now?: number): Promise<DailyTickResult>;
}

/** Subscriptions or reveals looked at per pass. */
const BATCH = 100;
/** Question history a pick looks at (a pool is used up long before). */
const HISTORY = 2_000;

/** The channel of a subscription or post. */
export const channelOf = (x: { platform: DailySubscription['platform']; channelId: string }): ChannelRef => ({
  platform: x.platform,
  channelId: x.channelId,
});

/**
 * The random source of one channel's draw for one local date: seeded by the channel and the date
 * (FNV-1a of `platform:channel:date`, mixed with `seed`), so every instance draws the same question
 * for the same day, and `/daily preview` shows the question the channel will get (while the
 * channel's history is unchanged).
 */
export function dailyRandom(
  sub: Pick<DailySubscription, 'platform' | 'channelId'>,
  localDate: string,
  seed = 0,
) {
  // FNV-1a 32-bit: offset basis 2166136261, prime 16777619 (Fowler–Noll–Vo, IETF draft-eastlake-fnv).
  let hash = 2166136261;
  for (const char of `${sub.platform}:${sub.channelId}:${localDate}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return createSeededRandom(hash ^ seed);
}

/**
 * Creates the daily scheduler.
 *
 * @example
 * const daily = createDailyScheduler({ store, corpus, messenger, clock: systemClock });
 * setInterval(() => void daily.tick(), 5_000);
 */
export function createDailyScheduler(options: DailySchedulerOptions): DailyScheduler {
  const { store, corpus, messenger, clock } = options;
  const seed = options.seed ?? 0;
  const newId = options.newId ?? (() => crypto.randomUUID().replaceAll('-', '').slice(0, 16));
  const staleMs = options.staleClaimMs ?? STALE_CLAIM_MS;
  const onError = options.onError ?? ((message, fields) => console.error(message, fields));

  /** Draws the question of `date` for a channel, leaving out the channel's earlier questions. */
  async function pickQuestion(sub: DailySubscription, date: string) {
    const history = (await store.daily.recentPosts(sub.platform, sub.channelId, 'question', HISTORY)).flatMap(
      (p) => (p.question && p.localDate !== date ? [p.question.question.id] : []),
    );
    return pickDailyQuestion(corpus, sub, history, dailyRandom(sub, date, seed));
  }

  /** Posts the question of `date` unless it exists; `busy` when another instance holds a fresh claim. */
  async function postQuestion(
    sub: DailySubscription,
    date: string,
    now: number,
  ): Promise<'posted' | 'exists' | 'busy'> {
    const existing = await store.daily.getPostByDate(sub.platform, sub.channelId, 'question', date);
    const fresh = (p: DailyPostRecord) =>
      p.status === 'claimed' && p.messageId === null && p.claimedAt >= now - staleMs;
    if (existing && existing.status !== 'claimed') return 'exists';
    if (existing && fresh(existing)) return 'busy';
    // Taking over a stale claim keeps its question: the dead claimer may have posted it already.
    const presented = existing?.question ?? (await pickQuestion(sub, date));
    const claim = await store.daily.claimPost({
      id: newId(),
      platform: sub.platform,
      channelId: sub.channelId,
      kind: 'question',
      localDate: date,
      claimToken: newId(),
      at: now,
      staleBefore: now - staleMs,
      question: presented ?? null,
      ...(presented ? {} : { skip: true }),
    });
    if (!presented) {
      onError('daily: no question matches the channel settings', {
        channel: sub.channelId,
        topics: sub.topics,
      });
      return 'exists';
    }
    if (!claim.claimed) return fresh(claim.post) ? 'busy' : 'exists';
    const post = claim.post;
    // A claim that went stale while this tick ran (a long pause) may have been taken over: then the
    // new claimer posts, not this one.
    if (clock.now().getTime() - post.claimedAt >= staleMs) {
      const current = await store.daily.getPostByDate(sub.platform, sub.channelId, 'question', date);
      if (current?.claimToken !== post.claimToken) return 'exists';
    }
    let messageId: string;
    try {
      messageId = (
        await messenger.post(channelOf(sub), dailyQuestionReply(post, presented, sub.revealAfterMs), {
          key: dailyPostKey('question', date),
          ...(existing ? { since: existing.claimedAt } : {}),
        })
      ).messageId;
    } catch (error) {
      // The claim goes stale and another tick (here or elsewhere) tries again today.
      onError('daily: posting failed', { channel: sub.channelId, date, error });
      return 'busy';
    }
    const recorded = await store.daily.recordPosted(post.id, post.claimToken, {
      messageId,
      postedAt: now,
      revealAt: now + sub.revealAfterMs,
    });
    if (!recorded)
      onError('daily: posted, but the claim had been taken over', { channel: sub.channelId, date });
    return 'posted';
  }

  /** Handles one due subscription; true when it moved its schedule (or posted). */
  async function handle(sub: DailySubscription, now: number, result: DailyTickResult): Promise<boolean> {
    const today = localDateOf(now, sub.timeZone);
    if (sub.nextLocalDate < today) {
      // Down for a while: a past day's post is not sent any more; today's (if due) is, once, late.
      const next = occurrenceOnOrAfter(sub, today);
      return store.daily.advanceSubscription(sub.platform, sub.channelId, sub.nextPostAt, {
        nextPostAt: next.at,
        nextLocalDate: next.localDate,
      });
    }
    if (sub.nextLocalDate > today) return false;
    if (await postWeeklyLeaderboard({ store, messenger, newId, onError }, sub, today, now, staleMs))
      result.leaderboards++;
    const outcome = await postQuestion(sub, today, now);
    if (outcome === 'busy') return false;
    if (outcome === 'posted') result.posted++;
    const next = occurrenceOnOrAfter(sub, addDays(today, 1));
    await store.daily.advanceSubscription(sub.platform, sub.channelId, sub.nextPostAt, {
      nextPostAt: next.at,
      nextLocalDate: next.localDate,
    });
    return true;
  }

  /** Reveals one post: rates its answers, posts the answer, closes the original message. */
  async function reveal(post: DailyPostRecord, now: number): Promise<boolean> {
    if (!(await store.daily.claimReveal(post.id, post.revealClaimedAt, now))) return false;
    const presented = post.question;
    if (!presented) {
      await store.daily.recordRevealed(post.id, now);
      return false;
    }
    const answers = await store.daily.listAnswers(post.id);
    const names = new Map<string, string>();
    for (const a of answers) {
      names.set(a.userId, (await store.users.getUser(post.platform, a.userId))?.name ?? a.userId);
      const { question } = presented;
      // First attempts only are rated (replays change nothing), so a retried reveal rates nobody twice.
      await rateAttempt(store, {
        platform: post.platform,
        userId: a.userId,
        question,
        credit: a.credit,
        at: a.answeredAt,
        via: 'daily',
      });
      await recordReview(store, {
        platform: post.platform,
        userId: a.userId,
        questionId: question.id,
        credit: a.credit,
        at: now,
      });
    }
    const result = dailyResult(post, answers, (id) => names.get(id) ?? id);
    try {
      await messenger.post(channelOf(post), dailyRevealReply(post, presented, result), {
        key: dailyPostKey('reveal', post.localDate),
        ...(post.revealClaimedAt === null ? {} : { since: post.revealClaimedAt }),
      });
    } catch (error) {
      onError('daily: posting the reveal failed', { post: post.id, error });
      return false;
    }
    await store.daily.recordRevealed(post.id, now);
    if (post.messageId !== null) {
      await messenger
        .update({ ...channelOf(post), messageId: post.messageId }, dailyClosedReply(presented))
        .catch((error: unknown) => onError('daily: closing the question failed', { post: post.id, error }));
    }
    return true;
  }

  return {
    async tick(at = clock.now().getTime()) {
      const result: DailyTickResult = { posted: 0, revealed: 0, leaderboards: 0 };
      for (let pass = 0; pass < 10; pass++) {
        const due = await store.daily.dueSubscriptions(at, BATCH);
        let moved = 0;
        for (const sub of due) {
          try {
            if (await handle(sub, at, result)) moved++;
          } catch (error) {
            onError('daily: step failed', { channel: sub.channelId, error });
          }
        }
        if (moved === 0) break;
      }
      for (let pass = 0; pass < 10; pass++) {
        const due = await store.daily.dueReveals(at, at - staleMs, BATCH);
        let moved = 0;
        for (const post of due) {
          try {
            if (await reveal(post, at)) moved++;
          } catch (error) {
            onError('daily: reveal failed', { post: post.id, error });
          }
        }
        result.revealed += moved;
        if (moved === 0) break;
      }
      return result;
    },
  };
}
