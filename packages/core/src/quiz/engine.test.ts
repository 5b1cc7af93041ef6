import { isUserError } from '@mlsys/errors';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../testing/memory-store.js';
import { quizFixture, rightChoice } from '../testing/quiz-fixture.js';
import { SAMPLE_QUESTIONS } from '../testing/sample-questions.js';
import { T0 } from '../testing/store-contract.js';

const host = { id: 'U-host', name: 'Hana', isAdmin: false };
const ada = { id: 'U-ada', name: 'Ada' };
const bob = { id: 'U-bob', name: 'Bob' };
const choiceOnly = SAMPLE_QUESTIONS.filter((q) => q.kind !== 'numeric');
const dataOf = (reply: { data?: unknown }) => reply.data as Record<string, unknown>;

async function startedQuiz(settings = {}, questions = choiceOnly) {
  const f = quizFixture({ questions });
  const opened = await f.engine.open({
    platform: 'slack',
    channelId: 'C1',
    host,
    settings: { rounds: 3, gapMs: 5_000, closeWhenAllAnswered: false, ...settings },
  });
  await f.engine.join(opened.quiz.id, ada);
  await f.engine.join(opened.quiz.id, bob);
  await f.engine.begin(opened.quiz.id, host);
  return { ...f, quizId: opened.quiz.id };
}

describe('quiz engine', () => {
  it('plays a quiz through: Kahoot points, streaks, results after each round, a podium', async () => {
    const f = await startedQuiz();
    const answer = async (userId: string, round: number, right: boolean, afterMs: number) => {
      const correct = await rightChoice(f.store, f.quizId, round);
      f.clock.set((await f.store.quiz.getRound(f.quizId, round))!.openedAt! + afterMs);
      return f.engine.answer({
        quizId: f.quizId,
        round,
        userId,
        answer: String(right ? correct : (correct + 1) % 2),
      });
    };
    // Round 1 opens at T0 for 20 s; the next rounds 5 s after each close.
    expect(await answer('U-ada', 1, true, 400)).toEqual({ accepted: true }); // 1000
    expect(await answer('U-bob', 1, true, 10_000)).toEqual({ accepted: true }); // 750
    expect(await answer('U-host', 1, false, 1_000)).toEqual({ accepted: true }); // 0
    expect(await f.engine.tick(T0 + 20_000)).toBe(0); // an answer at the deadline still counts
    expect(await f.engine.tick(T0 + 20_001)).toBe(1); // closes round 1: results until T0 + 25_001
    expect(await f.engine.tick(T0 + 25_000)).toBe(0);
    expect(await f.engine.tick(T0 + 25_001)).toBe(1); // opens round 2, deadline T0 + 45_001
    expect(await answer('U-ada', 2, true, 400)).toEqual({ accepted: true }); // 1000 + 100 streak
    expect(await answer('U-bob', 2, false, 400)).toEqual({ accepted: true }); // 0, streak reset
    expect(await f.engine.tick(T0 + 45_002)).toBe(1);
    expect(await f.engine.tick(T0 + 50_002)).toBe(1); // round 3, deadline T0 + 70_002
    expect(await answer('U-ada', 3, true, 10_000)).toEqual({ accepted: true }); // 750 + 200
    expect(await answer('U-bob', 3, true, 400)).toEqual({ accepted: true }); // 1000, new streak of 1
    expect(await f.engine.tick(T0 + 70_003)).toBe(1);

    const { quiz, players } = await f.engine.standings(f.quizId);
    expect(quiz.phase).toBe('finished');
    expect(players.map((p) => [p.rank, p.name, p.score])).toEqual([
      [1, 'Ada', 1000 + 1100 + 950],
      [2, 'Bob', 750 + 0 + 1000],
      [3, 'Hana', 0],
    ]);
    const kinds = f.posted().map((r) => r.blocks[0]);
    expect(kinds.map((b) => (b?.type === 'header' ? b.text : b?.type))).toEqual([
      'Round 1 of 3',
      'Round 1 of 3: the answer',
      'Round 2 of 3',
      'Round 2 of 3: the answer',
      'Round 3 of 3',
      'Round 3 of 3: the answer',
      'Quiz over',
    ]);
    const round1 = dataOf(f.posted()[1]!);
    expect(round1.fastest).toMatchObject({ name: 'Ada', elapsedMs: 400 });
    expect([round1.answered, round1.correct]).toEqual([3, 2]);
    expect(dataOf(f.posted()[6]!).podium).toEqual([
      { rank: 1, player: 'Ada', userId: 'U-ada', score: 3050 },
      { rank: 2, player: 'Bob', userId: 'U-bob', score: 1750 },
      { rank: 3, player: 'Hana', userId: 'U-host', score: 0 },
    ]);
  });

  it('refuses a second answer and a late one, politely, and takes them nowhere', async () => {
    const f = await startedQuiz();
    f.clock.set(T0 + 1_000);
    expect(await f.engine.answer({ quizId: f.quizId, round: 1, userId: 'U-ada', answer: '0' })).toEqual({
      accepted: true,
    });
    expect(await f.engine.answer({ quizId: f.quizId, round: 1, userId: 'U-ada', answer: '1' })).toEqual({
      accepted: false,
      reason: 'duplicate',
    });
    f.clock.set(T0 + 20_001);
    expect(await f.engine.answer({ quizId: f.quizId, round: 1, userId: 'U-bob', answer: '0' })).toEqual({
      accepted: false,
      reason: 'late',
    });
    expect(await f.engine.answer({ quizId: f.quizId, round: 1, userId: 'U-eve', answer: '0' })).toEqual({
      accepted: false,
      reason: 'not-player',
    });
    expect((await f.store.quiz.listAnswers(f.quizId, 1)).map((a) => [a.userId, a.answer])).toEqual([
      ['U-ada', '0'],
    ]);
  });

  it('closes a round as soon as every player answered, when asked to', async () => {
    const f = await startedQuiz({ closeWhenAllAnswered: true });
    f.clock.set(T0 + 2_000);
    for (const userId of ['U-host', 'U-ada'])
      await f.engine.answer({ quizId: f.quizId, round: 1, userId, answer: '0' });
    expect((await f.store.quiz.getQuiz(f.quizId))?.phase).toBe('question');
    await f.engine.answer({ quizId: f.quizId, round: 1, userId: 'U-bob', answer: '0' });
    expect(await f.store.quiz.getQuiz(f.quizId)).toMatchObject({ phase: 'results', phaseEndsAt: T0 + 7_000 });
  });

  it('lets a fresh engine on the same store finish a quiz another started', async () => {
    const first = await startedQuiz({ rounds: 2 });
    const correct = await rightChoice(first.store, first.quizId, 1);
    first.clock.set(T0 + 3_000);
    await first.engine.answer({ quizId: first.quizId, round: 1, userId: 'U-ada', answer: String(correct) });
    // The first instance disappears mid-round; another one runs the timers from now on.
    const second = quizFixture({ store: first.store, clock: first.clock, questions: choiceOnly });
    expect(await second.engine.tick(T0 + 20_001)).toBe(1);
    expect(await second.engine.tick(T0 + 25_001)).toBe(1);
    expect(await second.engine.tick(T0 + 45_002)).toBe(1);
    const { quiz, players } = await second.engine.standings(first.quizId);
    expect(quiz.phase).toBe('finished');
    expect(players[0]).toMatchObject({ name: 'Ada', score: 925 }); // round((1 − (3/20)/2) · 1000)
    expect(
      second
        .posted()
        .map((r) => r.blocks[0])
        .at(-1),
    ).toEqual({ type: 'header', text: 'Quiz over' });
    expect(first.posted()).toHaveLength(1); // only round 1's question
  });

  it('balances teams by rating and ranks them by average score', async () => {
    const store = createMemoryStore();
    for (const [id, rating] of [
      ['U-host', 1900],
      ['U-ada', 1700],
      ['U-bob', 1500],
      ['U-cy', 1300],
    ] as const) {
      store.ratings.set(`slack:${id}`, rating);
    }
    const f = quizFixture({ store, questions: choiceOnly });
    const { quiz } = await f.engine.open({
      platform: 'slack',
      channelId: 'C1',
      host,
      settings: { rounds: 1, teams: 2 },
    });
    for (const u of [ada, bob, { id: 'U-cy', name: 'Cy' }]) await f.engine.join(quiz.id, u);
    await f.engine.begin(quiz.id, host);
    const teams = Object.fromEntries((await store.quiz.listPlayers(quiz.id)).map((p) => [p.name, p.team]));
    expect(teams).toEqual({ Hana: 1, Ada: 2, Bob: 2, Cy: 1 }); // 1900 + 1300 = 1700 + 1500
    const correct = await rightChoice(store, quiz.id, 1);
    f.clock.set(T0 + 400);
    await f.engine.answer({ quizId: quiz.id, round: 1, userId: 'U-cy', answer: String(correct) }); // 1000
    f.clock.set(T0 + 10_000);
    await f.engine.answer({ quizId: quiz.id, round: 1, userId: 'U-ada', answer: String(correct) }); // 750
    await f.engine.answer({ quizId: quiz.id, round: 1, userId: 'U-bob', answer: String(correct) }); // 750
    await f.engine.tick(T0 + 20_001);
    expect((await f.engine.standings(quiz.id)).teams).toEqual([
      { rank: 1, team: 2, name: 'Blue', members: 2, score: 750 }, // (750 + 750) / 2
      { rank: 2, team: 1, name: 'Red', members: 2, score: 500 }, // (0 + 1000) / 2
    ]);
    expect(dataOf(f.posted().at(-1)!).teams).toEqual([
      { rank: 1, team: 'Blue', members: 2, score: 750 },
      { rank: 2, team: 'Red', members: 2, score: 500 },
    ]);
  });

  it('expires a lobby nobody started, and frees the channel', async () => {
    const f = quizFixture();
    const { quiz } = await f.engine.open({ platform: 'slack', channelId: 'C1', host });
    expect(await f.engine.tick(T0 + 10 * 60_000 - 1)).toBe(0);
    expect(await f.engine.tick(T0 + 10 * 60_000)).toBe(1);
    expect((await f.store.quiz.getQuiz(quiz.id))?.phase).toBe('expired');
    expect(f.posted()[0]?.fallbackText).toBe('The quiz lobby closed: nobody started it within 10 min.');
    expect(await f.engine.active('slack', 'C1')).toBeUndefined();
  });

  it('lets only the host or an admin start or stop, and posts the standings on stop', async () => {
    const f = quizFixture({ questions: choiceOnly });
    const { quiz } = await f.engine.open({ platform: 'slack', channelId: 'C1', host });
    await f.engine.join(quiz.id, ada);
    const refused = await f.engine.begin(quiz.id, ada).catch((e: unknown) => e);
    expect(isUserError(refused) && refused.code).toBe('quiz/not-host');
    await f.engine.begin(quiz.id, { ...ada, isAdmin: true });
    await expect(f.engine.stop(quiz.id, ada)).rejects.toThrow(/Only the quiz's host or a channel admin/);
    await f.engine.stop(quiz.id, host);
    expect(f.posted().at(-1)?.blocks[0]).toEqual({ type: 'header', text: 'Quiz stopped after round 1' });
    await expect(f.engine.stop(quiz.id, host)).rejects.toThrow(/already ended/);
  });

  it('does not start without matching questions, and says why', async () => {
    const f = quizFixture();
    const { quiz } = await f.engine.open({
      platform: 'slack',
      channelId: 'C1',
      host,
      settings: { topics: ['rag'] },
    });
    await f.engine.begin(quiz.id, host);
    expect((await f.store.quiz.getQuiz(quiz.id))?.phase).toBe('stopped');
    expect(f.posted()[0]?.fallbackText).toBe(
      'The quiz could not start: no questions match rag at difficulty 1–5.',
    );
  });

  it('plays fewer rounds when fewer questions match', async () => {
    const f = quizFixture();
    const { quiz } = await f.engine.open({
      platform: 'slack',
      channelId: 'C1',
      host,
      settings: { topics: ['attention'], rounds: 5 },
    });
    const started = await f.engine.begin(quiz.id, host);
    expect(started.quiz.settings.rounds).toBe(1);
    expect(f.posted()[0]?.blocks[0]).toEqual({ type: 'header', text: 'Round 1 of 1' });
  });

  it('keeps one quiz per channel', async () => {
    const f = quizFixture();
    const first = await f.engine.open({ platform: 'slack', channelId: 'C1', host });
    const second = await f.engine.open({ platform: 'slack', channelId: 'C1', host: ada });
    expect(second).toMatchObject({ opened: false, quiz: { id: first.quiz.id } });
  });

  it('refuses settings out of range', async () => {
    const f = quizFixture();
    const open = (settings: object) => f.engine.open({ platform: 'slack', channelId: 'C9', host, settings });
    await expect(open({ rounds: 0 })).rejects.toThrow('Rounds must be 1 to 20.');
    await expect(open({ roundMs: 1_000 })).rejects.toThrow('A round lasts 5 to 120 seconds.');
    await expect(open({ teams: 5 })).rejects.toThrow('Teams must be 2 to 4');
  });
});
