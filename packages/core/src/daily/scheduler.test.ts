import { describe, expect, it } from 'vitest';
import { createManualClock } from '../ports/manual-clock.js';
import { createRecordingMessenger, type RecordingMessenger } from '../ports/messenger-recording.js';
import type { Store } from '../ports/store.js';
import { createMemoryStore } from '../testing/memory-store.js';
import { sampleCorpus } from '../testing/sample-corpus.js';
import { DAILY_ACTIONS } from './daily-actions.js';
import { submitDailyAnswer } from './daily-answer.js';
import { createDailyScheduler } from './scheduler.js';
import { dailyStreak } from './streaks.js';
import { skipNextPost, subscribeChannel } from './subscriptions.js';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

function setup(options: { store?: Store; seed?: number } = {}) {
  const store = options.store ?? createMemoryStore();
  const clock = createManualClock(at('2026-03-01T00:00:00Z'));
  const messenger = createRecordingMessenger();
  let ids = 0;
  const scheduler = createDailyScheduler({
    store,
    corpus: sampleCorpus(),
    messenger,
    clock,
    seed: options.seed ?? 1,
    newId: () => `id${(++ids).toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    onError: (message, fields) => {
      throw new Error(`${message}: ${JSON.stringify(fields)}`);
    },
  });
  return { store, clock, messenger, scheduler };
}

const settings = (timeZone: string, localTime = '09:00', weekdays = [1, 2, 3, 4, 5, 6, 7]) => ({
  timeZone,
  localTime,
  weekdays,
  topics: ['rag'],
  difficulty: { min: 1, max: 5 },
  revealAfterMs: 8 * HOUR,
});

/** Posts of daily questions: [channel, local date, UTC instant of the tick that posted]. */
const questionPosts = (m: RecordingMessenger) =>
  m.sent.flatMap((s) =>
    s.kind === 'post' &&
    (s.reply.data as { localDate?: string; postId?: string; answered?: number })?.answered === undefined &&
    (s.reply.data as { localDate?: string })?.localDate !== undefined
      ? [[s.channel.channelId, (s.reply.data as { localDate: string }).localDate]]
      : [],
  );

/** Ticks every `stepMs` from `from` to `to`. */
async function run(s: ReturnType<typeof setup>, from: number, to: number, stepMs = 15 * 60_000) {
  for (let t = from; t <= to; t += stepMs) {
    s.clock.set(t);
    await s.scheduler.tick(t);
  }
}

describe('daily scheduler across time zones and DST', () => {
  it('posts at 09:00 local through New York spring forward (2026-03-08: EST → EDT)', async () => {
    const s = setup();
    await subscribeChannel(
      s.store,
      { platform: 'slack', channelId: 'C-ny' },
      settings('America/New_York'),
      'U-admin',
      at('2026-03-06T00:00:00Z'),
    );
    const postedAt: string[] = [];
    s.messenger.clear();
    for (let t = at('2026-03-06T00:00:00Z'); t <= at('2026-03-10T00:00:00Z'); t += 15 * 60_000) {
      const before = s.messenger.sent.length;
      await s.scheduler.tick(t);
      if (questionPosts(s.messenger).length > postedAt.length && s.messenger.sent.length > before)
        postedAt.push(new Date(t).toISOString());
    }
    // 09:00 EST = 14:00Z before the change, 09:00 EDT = 13:00Z from 2026-03-08 on.
    expect(postedAt).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    expect(questionPosts(s.messenger).map(([, d]) => d)).toEqual([
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
    ]);
  });

  it('posts a nonexistent local time (02:30 on spring-forward day) at 03:00, once', async () => {
    const s = setup();
    await subscribeChannel(
      s.store,
      { platform: 'slack', channelId: 'C-gap' },
      settings('America/New_York', '02:30'),
      'U',
      at('2026-03-07T12:00:00Z'),
    );
    const times: string[] = [];
    for (let t = at('2026-03-07T12:00:00Z'); t <= at('2026-03-09T12:00:00Z'); t += 5 * 60_000) {
      const n = questionPosts(s.messenger).length;
      await s.scheduler.tick(t);
      if (questionPosts(s.messenger).length > n) times.push(new Date(t).toISOString());
    }
    expect(times).toEqual(['2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z']);
  });

  it('posts an ambiguous local time (01:30 on London fall-back day, 2026-10-25) once', async () => {
    const s = setup();
    await subscribeChannel(
      s.store,
      { platform: 'discord', channelId: 'C-ldn' },
      settings('Europe/London', '01:30'),
      'U',
      at('2026-10-24T12:00:00Z'),
    );
    await run(s, at('2026-10-24T12:00:00Z'), at('2026-10-26T12:00:00Z'), 5 * 60_000);
    expect(questionPosts(s.messenger)).toEqual([
      ['C-ldn', '2026-10-25'],
      ['C-ldn', '2026-10-26'],
    ]);
  });

  it('handles a half-hour DST shift (Lord Howe, 2026-10-04) and keeps each channel to its own days', async () => {
    const s = setup();
    // 22:30 on 1 Oct on Lord Howe (UTC+10:30), 21:00 in Tokyo.
    const t0 = at('2026-10-01T12:00:00Z');
    await subscribeChannel(
      s.store,
      { platform: 'slack', channelId: 'C-lh' },
      settings('Australia/Lord_Howe', '02:15'),
      'U',
      t0,
    );
    await subscribeChannel(
      s.store,
      { platform: 'slack', channelId: 'C-tokyo' },
      settings('Asia/Tokyo', '08:00', [1, 2, 3, 4, 5]),
      'U',
      t0,
    );
    await run(s, t0, at('2026-10-06T00:00:00Z'));
    const byChannel = (c: string) =>
      questionPosts(s.messenger)
        .filter(([ch]) => ch === c)
        .map(([, d]) => d);
    // Lord Howe: 2026-10-04 02:15 does not exist (02:00 → 02:30): posted at 02:30 that day.
    expect(byChannel('C-lh')).toEqual(['2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06']);
    const dstDay = await s.store.daily.getPostByDate('slack', 'C-lh', 'question', '2026-10-04');
    expect(new Date(dstDay!.postedAt!).toISOString()).toBe('2026-10-03T15:30:00.000Z');
    // Tokyo posts on weekdays only: Fri 2, Mon 5 and Tue 6 Oct (local dates).
    expect(byChannel('C-tokyo')).toEqual(['2026-10-02', '2026-10-05', '2026-10-06']);
  });
});

describe('exactly once', () => {
  it('two schedulers on one store post once per channel and day', async () => {
    const store = createMemoryStore();
    const a = setup({ store, seed: 1 });
    const b = setup({ store, seed: 2 });
    const t0 = at('2026-03-01T00:00:00Z');
    for (const [i, zone] of ['America/New_York', 'Europe/London', 'Asia/Kolkata'].entries()) {
      await subscribeChannel(store, { platform: 'slack', channelId: `C${i}` }, settings(zone), 'U', t0);
    }
    for (let t = t0; t <= at('2026-03-10T00:00:00Z'); t += 10 * 60_000) {
      await Promise.all([a.scheduler.tick(t), b.scheduler.tick(t)]);
    }
    const all = [...questionPosts(a.messenger), ...questionPosts(b.messenger)].map(([c, d]) => `${c} ${d}`);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(3 * 9);
  });

  it('sends a missed post once, late, and not the days before it', async () => {
    const s = setup();
    await subscribeChannel(
      s.store,
      { platform: 'slack', channelId: 'C-down' },
      settings('Europe/London'),
      'U',
      at('2026-03-02T06:00:00Z'),
    );
    // Down from before Monday's 09:00 until Wednesday 15:00.
    await run(s, at('2026-03-04T15:00:00Z'), at('2026-03-04T23:00:00Z'));
    expect(questionPosts(s.messenger)).toEqual([['C-down', '2026-03-04']]);
    const late = s.messenger.sent[0]!;
    expect(late.kind).toBe('post');
    await run(s, at('2026-03-05T00:00:00Z'), at('2026-03-05T10:00:00Z'));
    expect(questionPosts(s.messenger)).toEqual([
      ['C-down', '2026-03-04'],
      ['C-down', '2026-03-05'],
    ]);
  });

  it('takes over a claim that went stale (an instance died between claim and post)', async () => {
    const s = setup();
    const sub = await subscribeChannel(
      s.store,
      { platform: 'slack', channelId: 'C-stale' },
      settings('UTC'),
      'U',
      at('2026-03-02T00:00:00Z'),
    );
    await s.store.daily.claimPost({
      id: 'dead0001',
      platform: 'slack',
      channelId: 'C-stale',
      kind: 'question',
      localDate: '2026-03-02',
      claimToken: 'dead',
      at: at('2026-03-02T09:00:00Z'),
      staleBefore: 0,
      question: null,
    });
    await s.scheduler.tick(at('2026-03-02T09:05:00Z'));
    expect(questionPosts(s.messenger)).toEqual([]);
    expect((await s.store.daily.getSubscription('slack', 'C-stale'))?.nextPostAt).toBe(sub.nextPostAt);
    await s.scheduler.tick(at('2026-03-02T09:11:00Z'));
    expect(questionPosts(s.messenger)).toEqual([['C-stale', '2026-03-02']]);
  });

  it('takes over a claim whose instance died after posting: finds the keyed post, records it, posts nothing twice', async () => {
    const s = setup();
    await subscribeChannel(
      s.store,
      { platform: 'slack', channelId: 'C-died' },
      settings('UTC'),
      'U',
      at('2026-03-02T00:00:00Z'),
    );
    // The first instance: its post reaches the channel, then it dies before recording the message.
    const dying = createDailyScheduler({
      store: s.store,
      corpus: sampleCorpus(),
      clock: s.clock,
      seed: 1,
      messenger: {
        ...s.messenger,
        post: async (channel, reply, options) => {
          await s.messenger.post(channel, reply, options);
          throw new Error('killed after posting');
        },
      },
      onError: () => {},
    });
    await dying.tick(at('2026-03-02T09:00:00Z'));
    expect(questionPosts(s.messenger)).toEqual([['C-died', '2026-03-02']]);
    const claimed = await s.store.daily.getPostByDate('slack', 'C-died', 'question', '2026-03-02');
    expect([claimed?.status, claimed?.messageId]).toEqual(['claimed', null]);

    // Another instance, once the claim is stale (10 minutes), takes it over with the same question and key.
    await s.scheduler.tick(at('2026-03-02T09:11:00Z'));
    expect(questionPosts(s.messenger)).toEqual([['C-died', '2026-03-02']]);
    const taken = await s.store.daily.getPostByDate('slack', 'C-died', 'question', '2026-03-02');
    expect([taken?.status, taken?.messageId, taken?.question?.question.id]).toEqual([
      'posted',
      'm1',
      claimed?.question?.question.id,
    ]);
  });

  it('does not post a claim that went stale and was taken over while its own tick was paused', async () => {
    const s = setup();
    await subscribeChannel(
      s.store,
      { platform: 'slack', channelId: 'C-paused' },
      settings('UTC'),
      'U',
      at('2026-03-02T00:00:00Z'),
    );
    // Right after this instance claims, it stalls for 11 minutes; another instance takes the claim over.
    const daily: Store['daily'] = {
      ...s.store.daily,
      async claimPost(claim) {
        const result = await s.store.daily.claimPost(claim);
        const later = claim.at + 11 * 60_000;
        s.clock.set(later);
        await s.store.daily.claimPost({
          ...claim,
          claimToken: 'other',
          at: later,
          staleBefore: later - 10 * 60_000,
        });
        return result;
      },
    };
    const paused = createDailyScheduler({
      store: { ...s.store, daily },
      corpus: sampleCorpus(),
      messenger: s.messenger,
      clock: s.clock,
      onError: (message) => {
        throw new Error(message);
      },
    });
    s.clock.set(at('2026-03-02T09:00:00Z'));
    await paused.tick(at('2026-03-02T09:00:00Z'));
    expect(questionPosts(s.messenger)).toEqual([]);
    const row = await s.store.daily.getPostByDate('slack', 'C-paused', 'question', '2026-03-02');
    expect([row?.status, row?.claimToken]).toEqual(['claimed', 'other']);
  });
});

describe('answers, reveal, streaks, skip', () => {
  it('takes one answer per user, reveals % right and the fastest, and rates first attempts', async () => {
    const s = setup();
    await subscribeChannel(
      s.store,
      { platform: 'slack', channelId: 'C-r' },
      settings('UTC'),
      'U',
      at('2026-03-02T00:00:00Z'),
    );
    await s.scheduler.tick(at('2026-03-02T09:00:00Z'));
    const post = s.messenger.sent[0]!;
    if (post.kind !== 'post') throw new Error('expected a post');
    const buttons = post.reply.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));
    const data = post.reply.data as { postId: string; kind: string };
    // The post carries no answer: the test reads it from the store, as the reveal will.
    expect(JSON.stringify(post.reply)).not.toMatch(/"correct"|"answer"|"explanation"/);
    const presented = (await s.store.daily.getPost(data.postId))!.question!;
    const answerAs = async (id: string, minutes: number, right: boolean, name = id) => {
      const user = { id, name, isAdmin: false };
      const time = at('2026-03-02T09:00:00Z') + minutes * 60_000;
      const letters = (indexes: number[]) => indexes.map((i) => String.fromCharCode(65 + i)).join(' ');
      const wrongIndex = presented.options.findIndex((_, i) => !presented.correct.includes(i));
      if (data.kind === 'numeric') {
        return submitDailyAnswer(s.store, {
          platform: 'slack',
          user,
          value: data.postId,
          typed: right ? '21' : '5',
          at: time,
        });
      }
      if (data.kind === 'multi') {
        const typed = letters(right ? presented.correct : [wrongIndex]);
        return submitDailyAnswer(s.store, { platform: 'slack', user, value: data.postId, typed, at: time });
      }
      const index = right ? presented.correct[0]! : wrongIndex;
      return submitDailyAnswer(s.store, { platform: 'slack', user, value: buttons[index]!.value, at: time });
    };
    expect(buttons[0]?.id === DAILY_ACTIONS.answer || buttons[0]?.id === DAILY_ACTIONS.submit).toBe(true);
    expect((await answerAs('U-ada', 3, true, 'Ada')).data).toMatchObject({ accepted: true });
    expect((await answerAs('U-ada', 4, false, 'Ada')).data).toMatchObject({
      accepted: false,
      reason: 'duplicate',
    });
    await answerAs('U-bob', 2, false, 'Bob');
    await answerAs('U-cy', 9, true, 'Cy');
    await answerAs('U-dee', 60 * 8 + 1, true, 'Dee');
    await s.scheduler.tick(at('2026-03-02T17:00:00Z'));
    const reveal = s.messenger.sent.find(
      (m) => m.kind === 'post' && (m.reply.data as { answered?: number }).answered !== undefined,
    );
    expect(reveal?.kind === 'post' && reveal.reply.data).toMatchObject({
      answered: 3,
      right: 2,
      percentRight: 67,
      fastest: { userId: 'U-ada', name: 'Ada', ms: 3 * 60_000 },
    });
    expect(s.messenger.sent.some((m) => m.kind === 'update')).toBe(true);
    // Late answer after the reveal.
    expect((await answerAs('U-eve', 60 * 9, true)).data).toMatchObject({ accepted: false, reason: 'late' });
    const [ada] = await s.store.ratings.get([
      { kind: 'player', platform: 'slack', userId: 'U-ada', topic: 'rag' },
    ]);
    expect(ada?.games).toBe(1);
    expect(ada!.rating).toBeGreaterThan(1500);
  });

  it('counts streaks in the channel’s local days: weekdays off and today’s open question do not break them', async () => {
    const s = setup();
    // Los Angeles, 17:30 local = 00:30 or 01:30 UTC the NEXT day: UTC days would shift every post.
    await subscribeChannel(
      s.store,
      { platform: 'slack', channelId: 'C-la' },
      settings('America/Los_Angeles', '17:30', [1, 2, 3, 4, 5]),
      'U',
      at('2026-03-02T00:00:00Z'),
    );
    const answerAll = async (userIds: string[]) => {
      const [post] = await s.store.daily.recentPosts('slack', 'C-la', 'question', 1);
      for (const id of userIds) {
        await s.store.daily.submitAnswer({
          postId: post!.id,
          userId: id,
          answer: '0',
          answeredAt: post!.postedAt! + 60_000,
          credit: 1,
        });
      }
      return post!.localDate;
    };
    const dates: string[] = [];
    // Thu 5 Mar … Tue 10 Mar (local): Sat and Sun have no post.
    for (let t = at('2026-03-06T00:00:00Z'); t <= at('2026-03-11T12:00:00Z'); t += 30 * 60_000) {
      const n = questionPosts(s.messenger).length;
      await s.scheduler.tick(t);
      if (questionPosts(s.messenger).length > n) {
        const date = await answerAll(dates.length === 2 ? ['U-a'] : ['U-a', 'U-b']);
        dates.push(date);
      }
    }
    expect(dates).toEqual(['2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10']);
    expect(await dailyStreak(s.store, 'slack', 'C-la', 'U-a')).toBe(4);
    // U-b missed Monday the 9th: the streak restarts on the 10th.
    expect(await dailyStreak(s.store, 'slack', 'C-la', 'U-b')).toBe(1);
    expect(await dailyStreak(s.store, 'slack', 'C-la', 'U-nobody')).toBe(0);
  });

  it('skips the next post, and posts last week’s leaderboard before the new week’s first question', async () => {
    const s = setup();
    const sub = await subscribeChannel(
      s.store,
      { platform: 'slack', channelId: 'C-w' },
      settings('UTC'),
      'U',
      at('2026-03-05T00:00:00Z'),
    );
    await run(s, at('2026-03-05T00:00:00Z'), at('2026-03-05T12:00:00Z'));
    const [thu] = await s.store.daily.recentPosts('slack', 'C-w', 'question', 1);
    await s.store.daily.submitAnswer({
      postId: thu!.id,
      userId: 'U-a',
      answer: '0',
      answeredAt: thu!.postedAt! + 1000,
      credit: 1,
    });
    const skipped = await skipNextPost(
      s.store,
      (await s.store.daily.getSubscription('slack', 'C-w')) ?? sub,
      at('2026-03-05T12:00:00Z'),
      () => `s${Math.random().toString(36).slice(2, 10)}`,
    );
    expect(skipped.localDate).toBe('2026-03-06');
    await run(s, at('2026-03-05T12:15:00Z'), at('2026-03-09T12:00:00Z'));
    expect(questionPosts(s.messenger).map(([, d]) => d)).toEqual([
      '2026-03-05',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
    ]);
    const boards = s.messenger.sent.filter(
      (m) => m.kind === 'post' && (m.reply.data as { title?: string }).title?.startsWith('Daily leaderboard'),
    );
    expect(boards).toHaveLength(1);
    expect(boards[0]?.kind === 'post' && boards[0].reply.data).toMatchObject({
      title: 'Daily leaderboard · week of 2026-03-02',
      ranking: [{ rank: 1, userId: 'U-a', right: 1, answered: 1 }],
    });
  });
});
