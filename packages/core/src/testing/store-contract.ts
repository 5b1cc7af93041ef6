import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../ports/store.js';
import type { NewQuiz, QuizRecord, RoundRecord } from '../ports/store-quiz.js';
import { DEFAULT_QUIZ_SETTINGS } from '../quiz/quiz-settings.js';
import { dailyContractTests } from './daily-contract.js';
import { engineContractTests } from './engine-contract.js';
import { SAMPLE_QUESTIONS } from './sample-questions.js';

/**
 * A database the contract suite runs against: `open` gives a store on it (again after `close`, as a
 * restarted instance would); `cleanup` removes it.
 */
export interface StoreHarness {
  open(): Promise<Store>;
  /** True when two stores may be open on the database at once (PostgreSQL; not SQLite, which locks). */
  concurrentInstances: boolean;
  cleanup(): Promise<void>;
}

/** Makes a harness; called once per suite. */
export type HarnessFactory = () => Promise<StoreHarness>;

/**
 * Time base of the store tests, epoch ms. The due-quiz test runs far earlier (and ends its quizzes),
 * the engine tests at {@link ENGINE_T0}, so a tick in one never finds another's quizzes due.
 */
export const T0 = 1_750_000_000_000;

/** Time base of the engine scenarios in the contract: before every store test's quizzes. */
export const ENGINE_T0 = T0 - 1_000_000_000;

let counter = 0;
/** A fresh id, unique within a run. */
export const freshId = (prefix: string) =>
  `${prefix}${(++counter).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** A new lobby in a fresh channel. */
export function newQuiz(overrides: Partial<NewQuiz> = {}): NewQuiz {
  return {
    id: freshId('q'),
    platform: 'slack',
    channelId: freshId('C'),
    hostId: 'U-host',
    settings: { ...DEFAULT_QUIZ_SETTINGS, topics: ['kv-cache'], rounds: 2 },
    createdAt: T0,
    phaseEndsAt: T0 + 600_000,
    ...overrides,
  };
}

/** Round `n` asking sample question `n - 1`. */
export const sampleRound = (n: number): RoundRecord => ({
  round: n,
  question: SAMPLE_QUESTIONS[n - 1]!,
  openedAt: null,
  deadline: null,
  closedAt: null,
});

/** A quiz with `players` joined and round 1 open from T0 to T0 + 20 s. */
export async function openRound(store: Store, players: string[]): Promise<QuizRecord> {
  const created = await store.quiz.createQuiz(newQuiz());
  if (!created.created) throw new Error('channel busy');
  const quiz = created.quiz;
  for (const userId of players) {
    await store.quiz.addPlayer(quiz.id, { userId, name: userId, team: null, rating: 1500, joinedAt: T0 });
  }
  const ok = await store.quiz.applyChange(quiz.id, quiz.version, {
    quiz: { phase: 'question', round: 1, phaseEndsAt: T0 + 20_000 },
    newRounds: [sampleRound(1), sampleRound(2)],
    rounds: [{ round: 1, openedAt: T0, deadline: T0 + 20_000 }],
  });
  if (!ok) throw new Error('could not open round 1');
  return (await store.quiz.getQuiz(quiz.id))!;
}

/**
 * The behaviour every {@link Store} must have, as a vitest suite: run by the in-memory fake and by
 * `@mlsys/store` on SQLite and on PostgreSQL, so none of them can drift.
 */
export function describeStoreContract(name: string, factory: HarnessFactory): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;
    beforeAll(async () => {
      harness = await factory();
      store = await harness.open();
    });
    afterAll(async () => {
      await store?.close();
      await harness?.cleanup();
    });

    describe('quizzes', () => {
      it('creates a lobby at version 0 and reads it back whole', async () => {
        const init = newQuiz();
        const created = await store.quiz.createQuiz(init);
        expect(created).toEqual({
          created: true,
          quiz: { ...init, phase: 'lobby', round: 0, endedAt: null, version: 0 },
        });
        expect(await store.quiz.getQuiz(init.id)).toEqual(created.created && created.quiz);
        expect(await store.quiz.activeQuiz('slack', init.channelId)).toEqual(created.created && created.quiz);
        expect(await store.quiz.getQuiz('no-such-quiz')).toBeUndefined();
      });

      it('keeps one active quiz per channel, and frees the channel when it ends', async () => {
        const first = newQuiz();
        await store.quiz.createQuiz(first);
        const second = await store.quiz.createQuiz(newQuiz({ channelId: first.channelId }));
        expect(second).toMatchObject({ created: false, active: { id: first.id } });
        // Same channel id on another platform is another channel.
        expect(
          await store.quiz.createQuiz(newQuiz({ channelId: first.channelId, platform: 'discord' })),
        ).toMatchObject({ created: true });
        expect(
          await store.quiz.applyChange(first.id, 0, { quiz: { phase: 'expired', endedAt: T0 + 1 } }),
        ).toBe(true);
        expect(await store.quiz.activeQuiz('slack', first.channelId)).toBeUndefined();
        expect(await store.quiz.createQuiz(newQuiz({ channelId: first.channelId }))).toMatchObject({
          created: true,
        });
      });

      it('lets exactly one of several simultaneous lobbies in a channel exist', async () => {
        const channelId = freshId('C');
        const results = await Promise.all(
          Array.from({ length: 8 }, () => store.quiz.createQuiz(newQuiz({ channelId }))),
        );
        expect(results.filter((r) => r.created)).toHaveLength(1);
      });

      it('adds and removes players in the lobby, marks them left afterwards', async () => {
        const { id } = newQuiz();
        await store.quiz.createQuiz(newQuiz({ id }));
        const ada = { userId: 'U-ada', name: 'Ada', team: 2, rating: 1620, joinedAt: T0 + 5 };
        expect(await store.quiz.addPlayer(id, ada)).toBe('joined');
        expect(await store.quiz.addPlayer(id, ada)).toBe('already-joined');
        expect(await store.quiz.addPlayer(id, { ...ada, userId: 'U-bob', name: 'Bob', team: null })).toBe(
          'joined',
        );
        expect(await store.quiz.removePlayer(id, 'U-bob', T0 + 6)).toBe('removed');
        expect(await store.quiz.removePlayer(id, 'U-bob', T0 + 6)).toBe('not-player');
        expect(await store.quiz.listPlayers(id)).toEqual([
          { ...ada, leftAt: null, score: 0, streak: 0, correct: 0 },
        ]);
        expect(await store.quiz.applyChange(id, 0, { quiz: { phase: 'question', round: 1 } })).toBe(true);
        expect(await store.quiz.addPlayer(id, { ...ada, userId: 'U-cy' })).toBe('not-open');
        expect(await store.quiz.removePlayer(id, 'U-ada', T0 + 7)).toBe('left');
        expect(await store.quiz.removePlayer(id, 'U-ada', T0 + 8)).toBe('not-player');
        expect((await store.quiz.listPlayers(id))[0]).toMatchObject({ userId: 'U-ada', leftAt: T0 + 7 });
        expect(await store.quiz.addPlayer('no-such-quiz', ada)).toBe('not-open');
        expect(await store.quiz.removePlayer('no-such-quiz', 'U-ada', T0)).toBe('not-player');
      });

      it('applies a change only at the expected version, all of it', async () => {
        const quiz = await openRound(store, ['U-a', 'U-b']);
        expect(quiz).toMatchObject({ phase: 'question', round: 1, phaseEndsAt: T0 + 20_000, version: 1 });
        expect(await store.quiz.getRound(quiz.id, 1)).toEqual({
          ...sampleRound(1),
          openedAt: T0,
          deadline: T0 + 20_000,
        });
        expect(await store.quiz.getRound(quiz.id, 2)).toEqual(sampleRound(2));
        expect(await store.quiz.getRound(quiz.id, 3)).toBeUndefined();
        await store.quiz.submitAnswer({
          quizId: quiz.id,
          round: 1,
          userId: 'U-a',
          answer: '0',
          at: T0 + 1000,
        });

        // A stale version changes nothing.
        expect(await store.quiz.applyChange(quiz.id, 0, { quiz: { phase: 'stopped', endedAt: T0 } })).toBe(
          false,
        );
        expect(await store.quiz.getQuiz(quiz.id)).toEqual(quiz);

        const ok = await store.quiz.applyChange(quiz.id, 1, {
          quiz: { phase: 'results', phaseEndsAt: T0 + 25_000 },
          rounds: [{ round: 1, closedAt: T0 + 20_001 }],
          players: [
            { userId: 'U-a', score: 975, streak: 1, correct: 1 },
            { userId: 'U-b', team: 3 },
          ],
          answers: [{ round: 1, userId: 'U-a', credit: 1, points: 975 }],
        });
        expect(ok).toBe(true);
        expect(await store.quiz.getQuiz(quiz.id)).toEqual({
          ...quiz,
          phase: 'results',
          phaseEndsAt: T0 + 25_000,
          version: 2,
        });
        expect((await store.quiz.getRound(quiz.id, 1))?.closedAt).toBe(T0 + 20_001);
        expect(await store.quiz.listPlayers(quiz.id)).toMatchObject([
          { userId: 'U-a', score: 975, streak: 1, correct: 1, team: null },
          { userId: 'U-b', score: 0, streak: 0, correct: 0, team: 3 },
        ]);
        expect(await store.quiz.listAnswers(quiz.id, 1)).toEqual([
          { round: 1, userId: 'U-a', answer: '0', answeredAt: T0 + 1000, credit: 1, points: 975 },
        ]);
      });

      it('lets exactly one of several simultaneous changes from one version win', async () => {
        const quiz = await openRound(store, ['U-a']);
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            store.quiz.applyChange(quiz.id, quiz.version, {
              quiz: { phase: 'closing', phaseEndsAt: T0 + i },
            }),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await store.quiz.getQuiz(quiz.id))?.version).toBe(quiz.version + 1);
      });

      it('rolls a failing change back whole', async () => {
        const quiz = await openRound(store, ['U-a']);
        await expect(
          store.quiz.applyChange(quiz.id, quiz.version, {
            quiz: { phase: 'results' },
            players: [{ userId: 'U-a', score: 100 }],
            newRounds: [sampleRound(1)],
          }),
        ).rejects.toThrow();
        expect(await store.quiz.getQuiz(quiz.id)).toEqual(quiz);
        expect((await store.quiz.listPlayers(quiz.id))[0]?.score).toBe(0);
      });

      it('lists due quizzes: question phases after their deadline, other phases at it', async () => {
        // Times far below T0, so quizzes of other tests are never due here.
        const at = (ms: number) => 1_000 + ms;
        const lobby = newQuiz({ createdAt: at(0), phaseEndsAt: at(100) });
        const question = newQuiz({ createdAt: at(0), phaseEndsAt: at(50) });
        const ended = newQuiz({ createdAt: at(0), phaseEndsAt: at(10) });
        for (const q of [lobby, question, ended]) await store.quiz.createQuiz(q);
        await store.quiz.applyChange(question.id, 0, { quiz: { phase: 'question', round: 1 } });
        await store.quiz.applyChange(ended.id, 0, { quiz: { phase: 'finished', endedAt: at(10) } });
        const due = async (now: number, limit = 10) =>
          (await store.quiz.dueQuizzes(at(now), limit)).map((q) => q.id);
        expect(await due(49)).toEqual([]);
        expect(await due(50)).toEqual([]);
        expect(await due(51)).toEqual([question.id]);
        expect(await due(100)).toEqual([question.id, lobby.id]);
        expect(await due(100, 1)).toEqual([question.id]);
        // End them, so later tests that tick the whole store find nothing of ours due.
        for (const q of [lobby, question]) {
          const current = (await store.quiz.getQuiz(q.id))!;
          await store.quiz.applyChange(q.id, current.version, {
            quiz: { phase: 'stopped', endedAt: at(200) },
          });
        }
        expect(await due(10_000)).toEqual([]);
      });

      it('remembers the questions a channel was asked, newest first', async () => {
        const channelId = freshId('C');
        const older = newQuiz({ channelId, createdAt: T0 });
        await store.quiz.createQuiz(older);
        await store.quiz.applyChange(older.id, 0, {
          quiz: { phase: 'finished', endedAt: T0 + 1 },
          newRounds: [sampleRound(1), sampleRound(2)],
        });
        const newer = newQuiz({ channelId, createdAt: T0 + 10 });
        await store.quiz.createQuiz(newer);
        await store.quiz.applyChange(newer.id, 0, {
          quiz: { phase: 'question' },
          newRounds: [sampleRound(3)],
        });
        const ids = SAMPLE_QUESTIONS.map((q) => q.id);
        expect(await store.quiz.recentQuestionIds('slack', channelId, 10)).toEqual([ids[2], ids[1], ids[0]]);
        expect(await store.quiz.recentQuestionIds('slack', channelId, 2)).toEqual([ids[2], ids[1]]);
        expect(await store.quiz.recentQuestionIds('discord', channelId, 10)).toEqual([]);
      });
    });

    describe('answers', () => {
      it('takes one answer per player and round, until the deadline inclusive', async () => {
        const quiz = await openRound(store, ['U-a', 'U-b', 'U-c']);
        const submit = (userId: string, at: number, round = 1, answer = '1') =>
          store.quiz.submitAnswer({ quizId: quiz.id, round, userId, answer, at });
        expect(await submit('U-a', T0 + 400)).toEqual({ accepted: true });
        expect(await submit('U-a', T0 + 500, 1, '2')).toEqual({ accepted: false, reason: 'duplicate' });
        expect(await submit('U-b', T0 + 20_000)).toEqual({ accepted: true });
        expect(await submit('U-c', T0 + 20_001)).toEqual({ accepted: false, reason: 'late' });
        expect(await submit('U-x', T0 + 100)).toEqual({ accepted: false, reason: 'not-player' });
        expect(await submit('U-c', T0 + 100, 2)).toEqual({ accepted: false, reason: 'not-open' });
        expect(
          await store.quiz.submitAnswer({
            quizId: 'no-such-quiz',
            round: 1,
            userId: 'U-a',
            answer: '1',
            at: T0,
          }),
        ).toEqual({ accepted: false, reason: 'not-open' });
        expect(await store.quiz.listAnswers(quiz.id, 1)).toEqual([
          { round: 1, userId: 'U-a', answer: '1', answeredAt: T0 + 400, credit: null, points: null },
          { round: 1, userId: 'U-b', answer: '1', answeredAt: T0 + 20_000, credit: null, points: null },
        ]);
        expect(await store.quiz.roundProgress(quiz.id, 1)).toEqual({ answered: 2, players: 3 });
      });

      it('refuses answers once the round stopped taking them, and from players who left', async () => {
        const quiz = await openRound(store, ['U-a', 'U-b', 'U-c']);
        await store.quiz.removePlayer(quiz.id, 'U-c', T0 + 10);
        expect(await store.quiz.roundProgress(quiz.id, 1)).toEqual({ answered: 0, players: 2 });
        expect(
          await store.quiz.submitAnswer({
            quizId: quiz.id,
            round: 1,
            userId: 'U-c',
            answer: '0',
            at: T0 + 20,
          }),
        ).toEqual({ accepted: false, reason: 'not-player' });
        await store.quiz.applyChange(quiz.id, quiz.version, { quiz: { phase: 'closing' } });
        expect(
          await store.quiz.submitAnswer({
            quizId: quiz.id,
            round: 1,
            userId: 'U-a',
            answer: '0',
            at: T0 + 30,
          }),
        ).toEqual({ accepted: false, reason: 'late' });
      });

      it('accepts exactly one of many simultaneous answers per player', async () => {
        const players = Array.from({ length: 40 }, (_, i) => `U-${i}`);
        const quiz = await openRound(store, players);
        const clicks = players.flatMap((userId, i) =>
          [0, 1, 2].map((k) =>
            store.quiz.submitAnswer({
              quizId: quiz.id,
              round: 1,
              userId,
              answer: String(k),
              at: T0 + 100 + i,
            }),
          ),
        );
        const results = await Promise.all(clicks);
        expect(results.filter((r) => r.accepted)).toHaveLength(40);
        expect(results.filter((r) => !r.accepted && r.reason === 'duplicate')).toHaveLength(80);
        const stored = await store.quiz.listAnswers(quiz.id, 1);
        expect(new Set(stored.map((a) => a.userId)).size).toBe(40);
        expect(stored).toHaveLength(40);
      });

      it('takes no answer after a simultaneous close, and loses none before it', async () => {
        const players = Array.from({ length: 30 }, (_, i) => `U-${i}`);
        const quiz = await openRound(store, players);
        const answers = players.map((userId) =>
          store.quiz.submitAnswer({ quizId: quiz.id, round: 1, userId, answer: '0', at: T0 + 500 }),
        );
        const close = store.quiz.applyChange(quiz.id, quiz.version, { quiz: { phase: 'closing' } });
        const results = await Promise.all(answers);
        expect(await close).toBe(true);
        const accepted = results.filter((r) => r.accepted).length;
        expect(results.filter((r) => !r.accepted && r.reason === 'late')).toHaveLength(
          players.length - accepted,
        );
        // Whatever was accepted is visible once the close committed: nothing slips in after it.
        expect(await store.quiz.listAnswers(quiz.id, 1)).toHaveLength(accepted);
      });
    });

    describe('users', () => {
      it('keeps only an id and a display name, updated on upsert', async () => {
        await store.users.upsertUser({ platform: 'discord', userId: 'D-1', name: 'Ada' });
        await store.users.upsertUser({ platform: 'discord', userId: 'D-1', name: 'Ada L.' });
        expect(await store.users.getUser('discord', 'D-1')).toEqual({
          platform: 'discord',
          userId: 'D-1',
          name: 'Ada L.',
        });
        expect(await store.users.getUser('slack', 'D-1')).toBeUndefined();
        await store.users.upsertChannel({ platform: 'slack', channelId: 'C-1', name: 'ml-quiz' });
        await store.users.upsertChannel({ platform: 'slack', channelId: 'C-1', name: null });
      });

      it('rates unknown players 1500', async () => {
        const ratings = await store.users.ratingsOf('slack', ['U-new', 'U-other']);
        expect([...ratings]).toEqual([
          ['U-new', 1500],
          ['U-other', 1500],
        ]);
      });
    });

    describe('quiz engine on this store', () => {
      engineContractTests({
        store: () => store,
        restart: async () => {
          await store.close();
          store = await harness.open();
          return store;
        },
        otherInstance: async () =>
          harness.concurrentInstances
            ? await harness.open().then((other) => ({ store: other, close: () => other.close() }))
            : { store, close: async () => {} },
      });
    });

    describe('daily question, ratings and review on this store', () => {
      dailyContractTests({
        store: () => store,
        restart: async () => {
          await store.close();
          store = await harness.open();
          return store;
        },
        otherInstance: async () =>
          harness.concurrentInstances
            ? await harness.open().then((other) => ({ store: other, close: () => other.close() }))
            : { store, close: async () => {} },
      });
    });

    it('keeps its data for the next instance', async () => {
      const quiz = await openRound(store, ['U-a']);
      await store.close();
      store = await harness.open();
      expect(await store.quiz.getQuiz(quiz.id)).toEqual(quiz);
    });
  });
}
