import { expect, it } from 'vitest';
import { createDailyScheduler } from '../daily/scheduler.js';
import { subscribeChannel } from '../daily/subscriptions.js';
import { createManualClock } from '../ports/manual-clock.js';
import { createRecordingMessenger } from '../ports/messenger-recording.js';
import type { Store } from '../ports/store.js';
import type { DailyClaim, DailySubscription } from '../ports/store-daily.js';
import { rateAttempt } from '../ratings/rate-attempt.js';
import type { EngineContractAccess } from './engine-contract.js';
import { SAMPLE_CORPUS_QUESTIONS, sampleCorpus } from './sample-corpus.js';
import { freshId, T0 } from './store-contract.js';

const presented = {
  question: SAMPLE_CORPUS_QUESTIONS[0]!,
  options: [{ label: 'x', source: 0 }],
  correct: [0],
};

const subscription = (overrides: Partial<DailySubscription> = {}): DailySubscription => ({
  platform: 'slack',
  channelId: freshId('C'),
  timeZone: 'Europe/London',
  localTime: '09:00',
  weekdays: [1, 2, 3, 4, 5],
  topics: ['rag'],
  difficulty: { min: 1, max: 5 },
  revealAfterMs: 8 * 3_600_000,
  createdBy: 'U-admin',
  updatedAt: T0,
  nextPostAt: T0,
  nextLocalDate: '2025-06-15',
  ...overrides,
});

const claim = (channelId: string, overrides: Partial<DailyClaim> = {}): DailyClaim => ({
  id: freshId('p'),
  platform: 'slack',
  channelId,
  kind: 'question',
  localDate: '2025-06-16',
  claimToken: freshId('t'),
  at: T0,
  staleBefore: T0 - 600_000,
  question: presented,
  ...overrides,
});

/** Daily, rating and review scenarios every store must pass; registered inside the store contract. */
export function dailyContractTests(db: EngineContractAccess): void {
  it('daily: keeps a subscription, lists it when due, moves it on by compare-and-set', async () => {
    const store = db.store();
    const sub = subscription();
    await store.daily.putSubscription(sub);
    expect(await store.daily.getSubscription('slack', sub.channelId)).toEqual(sub);
    await store.daily.putSubscription({ ...sub, localTime: '10:30', topics: [] });
    expect(await store.daily.getSubscription('slack', sub.channelId)).toMatchObject({
      localTime: '10:30',
      topics: [],
    });
    expect((await store.daily.dueSubscriptions(T0, 1000)).map((s) => s.channelId)).toContain(sub.channelId);
    expect((await store.daily.dueSubscriptions(T0 - 1, 1000)).map((s) => s.channelId)).not.toContain(
      sub.channelId,
    );
    const next = { nextPostAt: T0 + 86_400_000, nextLocalDate: '2025-06-16' };
    const moves = await Promise.all(
      [1, 2, 3].map(() => store.daily.advanceSubscription('slack', sub.channelId, T0, next)),
    );
    expect(moves.filter(Boolean)).toHaveLength(1);
    expect(await store.daily.getSubscription('slack', sub.channelId)).toMatchObject(next);
    expect(await store.daily.deleteSubscription('slack', sub.channelId)).toBe(true);
    expect(await store.daily.deleteSubscription('slack', sub.channelId)).toBe(false);
    expect(await store.daily.getSubscription('slack', sub.channelId)).toBeUndefined();
  });

  it('daily: of many simultaneous claims of one day exactly one wins; a stale claim is taken over once', async () => {
    const store = db.store();
    const channelId = freshId('C');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => store.daily.claimPost(claim(channelId))),
    );
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    const winner = results.find((r) => r.claimed)!.post;
    expect(winner).toMatchObject({
      status: 'claimed',
      messageId: null,
      question: presented,
      localDate: '2025-06-16',
    });
    // Not stale yet: nobody takes it.
    expect((await store.daily.claimPost(claim(channelId, { at: T0 + 1000 }))).claimed).toBe(false);
    // Stale: exactly one of several takes it over, with a new token.
    const later = { at: T0 + 700_000, staleBefore: T0 + 100_000 };
    const takeovers = await Promise.all(
      Array.from({ length: 5 }, () => store.daily.claimPost(claim(channelId, later))),
    );
    expect(takeovers.filter((r) => r.claimed)).toHaveLength(1);
    const taken = takeovers.find((r) => r.claimed)!.post;
    expect(taken.id).toBe(winner.id);
    expect(
      await store.daily.recordPosted(winner.id, winner.claimToken, {
        messageId: 'm1',
        postedAt: T0,
        revealAt: T0 + 10,
      }),
    ).toBe(false);
    expect(
      await store.daily.recordPosted(taken.id, taken.claimToken, {
        messageId: 'm2',
        postedAt: T0 + 700_000,
        revealAt: T0 + 800_000,
      }),
    ).toBe(true);
    expect(await store.daily.getPost(taken.id)).toMatchObject({
      status: 'posted',
      messageId: 'm2',
      revealAt: T0 + 800_000,
    });
    // A posted row is never taken over, however old.
    expect(
      (await store.daily.claimPost(claim(channelId, { at: T0 + 10 ** 9, staleBefore: T0 + 10 ** 9 })))
        .claimed,
    ).toBe(false);
    // A skip takes a free day only.
    expect((await store.daily.claimPost(claim(channelId, { skip: true }))).claimed).toBe(false);
    const skip = await store.daily.claimPost(
      claim(channelId, { skip: true, localDate: '2025-06-17', question: null }),
    );
    expect(skip).toMatchObject({ claimed: true, post: { status: 'skipped' } });
    expect(
      (await store.daily.claimPost(claim(channelId, { localDate: '2025-06-17', staleBefore: T0 + 10 ** 9 })))
        .claimed,
    ).toBe(false);
    expect(
      (await store.daily.recentPosts('slack', channelId, 'question', 10)).map((p) => p.localDate),
    ).toEqual(['2025-06-17', '2025-06-16']);
    expect(await store.daily.getPostByDate('slack', channelId, 'leaderboard', '2025-06-16')).toBeUndefined();
  });

  it('daily: one answer per user, none after the reveal; reveals claimed once; totals', async () => {
    const store = db.store();
    const channelId = freshId('C');
    const { post } = await store.daily.claimPost(claim(channelId));
    await store.daily.recordPosted(post.id, post.claimToken, {
      messageId: 'm',
      postedAt: T0,
      revealAt: T0 + 1000,
    });
    const answer = (userId: string, at: number, credit = 1) =>
      store.daily.submitAnswer({ postId: post.id, userId, answer: '0', answeredAt: at, credit });
    const clicks = await Promise.all(
      // Both clicks of a user carry the same answer: which of the two lands is the database's choice.
      ['U-a', 'U-b', 'U-c'].flatMap((u, i) => [
        answer(u, T0 + 100 * (i + 1), i === 1 ? 0 : 1),
        answer(u, T0 + 100 * (i + 1), i === 1 ? 0 : 1),
      ]),
    );
    expect(clicks.filter((r) => r.accepted)).toHaveLength(3);
    expect(clicks.filter((r) => !r.accepted && r.reason === 'duplicate')).toHaveLength(3);
    expect(await answer('U-d', T0 + 1000)).toEqual({ accepted: true });
    expect(await answer('U-e', T0 + 1001)).toEqual({ accepted: false, reason: 'late' });
    expect(
      await store.daily.submitAnswer({
        postId: 'nope',
        userId: 'U-a',
        answer: '0',
        answeredAt: T0,
        credit: 1,
      }),
    ).toEqual({
      accepted: false,
      reason: 'not-open',
    });
    expect((await store.daily.listAnswers(post.id)).map((a) => a.userId)).toEqual([
      'U-a',
      'U-b',
      'U-c',
      'U-d',
    ]);
    expect(await store.daily.answeredBy('U-b', [post.id, 'other'])).toEqual(new Set([post.id]));

    const due = async (now: number) =>
      (await store.daily.dueReveals(now, now - 600_000, 1000)).map((p) => p.id);
    expect(await due(T0 + 999)).not.toContain(post.id);
    expect(await due(T0 + 1000)).toContain(post.id);
    const claims = await Promise.all([1, 2, 3].map(() => store.daily.claimReveal(post.id, null, T0 + 1000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await answer('U-f', T0 + 500)).toEqual({ accepted: false, reason: 'late' });
    expect(await due(T0 + 1001)).not.toContain(post.id);
    // A reveal claim goes stale like a post claim.
    expect(await due(T0 + 700_000)).toContain(post.id);
    await store.daily.recordRevealed(post.id, T0 + 1001);
    expect(await due(T0 + 10 ** 9)).not.toContain(post.id);
    expect(await store.daily.getPost(post.id)).toMatchObject({ status: 'revealed', revealedAt: T0 + 1001 });

    const totals = await store.daily.totals('slack', channelId, '2025-06-16', '2025-06-16', 10);
    expect(totals).toEqual([
      { userId: 'U-a', answered: 1, credit: 1, correctMs: 100 },
      { userId: 'U-c', answered: 1, credit: 1, correctMs: 300 },
      { userId: 'U-d', answered: 1, credit: 1, correctMs: 1000 },
      { userId: 'U-b', answered: 1, credit: 0, correctMs: 0 },
    ]);
    expect(await store.daily.totals('slack', channelId, '2025-06-17', null, 10)).toEqual([]);
    expect(await store.daily.totals('slack', channelId, null, null, 2)).toHaveLength(2);
  });

  it('ratings: compare-and-set writes, first attempts only, accuracy and top players', async () => {
    const store = db.store();
    const userId = freshId('U');
    const subject = { kind: 'player' as const, platform: 'slack' as const, userId, topic: null };
    const state = { rating: 1600, rd: 200, volatility: 0.09, games: 1, updatedAt: T0 };
    expect(await store.ratings.get([subject])).toEqual([undefined]);
    const writes = await Promise.all(
      [1, 2, 3].map(() => store.ratings.put([{ subject, expectedGames: 0, next: state }])),
    );
    expect(writes.filter(Boolean)).toHaveLength(1);
    expect(await store.ratings.get([subject])).toEqual([state]);
    expect((await store.users.ratingsOf('slack', [userId])).get(userId)).toBe(1600);
    // All or nothing: a stale second update rolls the first back.
    const topic = { ...subject, topic: 'rag' };
    expect(
      await store.ratings.put([
        { subject: topic, expectedGames: 0, next: state },
        { subject, expectedGames: 0, next: { ...state, games: 2 } },
      ]),
    ).toBe(false);
    expect(await store.ratings.get([topic])).toEqual([undefined]);

    const question = SAMPLE_CORPUS_QUESTIONS[2]!;
    const input = { platform: 'slack' as const, userId, question, credit: 1, at: T0, via: 'test' };
    const [first, again] = [
      await rateAttempt(store, input),
      await rateAttempt(store, { ...input, credit: 0 }),
    ];
    expect(first).toMatchObject({ rated: true, overall: { before: 1600 } });
    expect(again).toEqual({ rated: false });
    // Concurrent first attempts at different questions all count (retries on lost races).
    await Promise.all(
      SAMPLE_CORPUS_QUESTIONS.slice(0, 2).map((q, i) =>
        rateAttempt(store, { ...input, question: q, credit: i % 2, at: T0 + i + 1 }),
      ),
    );
    const [overall, rag] = await store.ratings.get([subject, topic]);
    expect(overall?.games).toBe(4);
    expect(rag?.games).toBe(3);
    expect(await store.ratings.accuracy('slack', userId)).toEqual([
      { topic: 'rag', attempts: 3, correct: 2 },
    ]);
    expect((await store.ratings.attemptedIds('slack', userId, 10)).sort()).toEqual(
      SAMPLE_CORPUS_QUESTIONS.slice(0, 3)
        .map((q) => q.id)
        .sort(),
    );
    expect((await store.ratings.playerTopics('slack', userId)).map((t) => t.topic)).toEqual(['rag']);
    const top = await store.ratings.topPlayers('slack', 'rag', 5, [userId, 'U-nobody']);
    expect(top.map((t) => t.userId)).toEqual([userId]);
    expect(await store.ratings.topPlayers('slack', null, 5, [])).toEqual([]);
  });

  it('review: opt-in per user, cards due most overdue first', async () => {
    const store = db.store();
    const userId = freshId('U');
    expect(await store.review.isOptedIn('discord', userId)).toBe(false);
    await store.review.setOptIn('discord', userId, true, T0);
    expect(await store.review.isOptedIn('discord', userId)).toBe(true);
    await store.review.setOptIn('discord', userId, false, T0 + 1);
    expect(await store.review.isOptedIn('discord', userId)).toBe(false);
    const card = (questionKey: string, due: number) => ({
      platform: 'discord' as const,
      userId,
      questionKey,
      due,
      card: { due, stability: 1.5, reps: 1, last_review: null },
      updatedAt: T0,
    });
    await store.review.putCard(card('q-late', T0 + 50));
    await store.review.putCard(card('q-early', T0 + 10));
    await store.review.putCard(card('q-later', T0 + 5000));
    await store.review.putCard(card('q-late', T0 + 20));
    expect((await store.review.dueCards('discord', userId, T0 + 100, 10)).map((c) => c.questionKey)).toEqual([
      'q-early',
      'q-late',
    ]);
    expect(await store.review.getCard('discord', userId, 'q-late')).toEqual(card('q-late', T0 + 20));
    expect(await store.review.counts('discord', userId, T0 + 100)).toEqual({ cards: 3, due: 2 });
    expect(await store.review.counts('slack', userId, T0 + 100)).toEqual({ cards: 0, due: 0 });
  });

  it('daily scheduler: two instances post exactly one question per channel and local day', async () => {
    const other = await db.otherInstance();
    const start = Date.parse('2026-03-06T00:00:00Z');
    const channels = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe'].map((timeZone) => ({
      timeZone,
      channelId: freshId('C'),
    }));
    try {
      const clock = createManualClock(start);
      const make = (store: Store, seed: number) => {
        const messenger = createRecordingMessenger();
        const scheduler = createDailyScheduler({
          store,
          corpus: sampleCorpus(),
          messenger,
          clock,
          seed,
          onError: (message, fields) => {
            throw new Error(`${message}: ${JSON.stringify(fields)}`);
          },
        });
        return { messenger, scheduler };
      };
      const a = make(db.store(), 1);
      const b = make(other.store, 2);
      for (const c of channels) {
        await subscribeChannel(
          db.store(),
          { platform: 'slack', channelId: c.channelId },
          {
            timeZone: c.timeZone,
            localTime: '02:30',
            weekdays: [1, 2, 3, 4, 5, 6, 7],
            topics: ['rag'],
            difficulty: { min: 1, max: 5 },
            revealAfterMs: 3_600_000,
          },
          'U-admin',
          start,
        );
      }
      // Six days across New York's spring forward (02:30 does not exist on 2026-03-08), ticking both at once.
      for (let t = start; t < start + 6 * 86_400_000; t += 20 * 60_000) {
        await Promise.all([a.scheduler.tick(t), b.scheduler.tick(t)]);
      }
      const mine = new Set(channels.map((c) => c.channelId));
      const posts = [...a.messenger.sent, ...b.messenger.sent].flatMap((m) =>
        m.kind === 'post' &&
        mine.has(m.channel.channelId) &&
        (m.reply.data as { answered?: unknown }).answered === undefined
          ? [`${m.channel.channelId} ${(m.reply.data as { localDate: string }).localDate}`]
          : [],
      );
      expect(new Set(posts).size).toBe(posts.length);
      expect(posts).toHaveLength(3 * 6);
      for (const c of channels) await db.store().daily.deleteSubscription('slack', c.channelId);
    } finally {
      await other.close();
    }
  });
}
