import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../ports/manual-clock.js';
import { createRecordingMessenger } from '../../ports/messenger-recording.js';
import { createSeededRandom } from '../../ports/seeded-random.js';
import type { Action, Reply } from '../../reply/reply.js';
import { createRouter } from '../../router/router.js';
import { createMemoryStore } from '../../testing/memory-store.js';
import { SAMPLE_CORPUS_QUESTIONS, sampleCorpus } from '../../testing/sample-corpus.js';
import { allCommands } from '../all-commands.js';
import type { Caller } from '../invocation.js';
import { botActions, botCommands } from './index.js';
import { parseUserRef } from './stats-command.js';

const admin: Caller = { id: 'U-admin', name: 'Admin', isAdmin: true };
const ada: Caller = { id: 'U-ada', name: 'Ada', isAdmin: false };
const T = Date.parse('2026-03-02T08:00:00Z');

function setup() {
  const clock = createManualClock(T);
  const store = createMemoryStore();
  const router = createRouter({
    commands: botCommands,
    actions: botActions,
    services: {
      clock,
      random: createSeededRandom(3),
      store,
      messenger: createRecordingMessenger(),
      corpus: sampleCorpus(),
    },
    incidentId: () => 'test',
    logger: { error: (message, fields) => console.error(message, fields) },
  });
  const run = (user: Caller, command: string, text = '') =>
    router.dispatch({ platform: 'slack', command, text, user, channel: { id: 'C1' }, team: { id: 'T1' } });
  const press = (user: Caller, action: Action, input?: string) =>
    router.handleAction({
      platform: 'slack',
      user,
      channel: { id: 'C1' },
      actionId: action.id,
      value: action.value,
      ...(input === undefined ? {} : { input }),
    });
  return { clock, store, router, run, press };
}

const actionsOf = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));

describe('/daily', () => {
  it('lets only admins subscribe, and explains a bad time zone with an example', async () => {
    const s = setup();
    const refused = await s.run(ada, 'daily', 'subscribe 09:30 tz=Europe/London');
    expect(refused).toMatchObject({
      status: 'user-error',
      reply: { fallbackText: expect.stringContaining('Only a channel admin') },
    });
    const bad = await s.run(admin, 'daily', 'subscribe 09:30 tz=Europe/Londn');
    expect(bad.status).toBe('user-error');
    expect(bad.reply.fallbackText).toContain('"Europe/Londn" is not an IANA time zone');
    expect(bad.reply.fallbackText).toContain('Europe/London');
    const ok = await s.run(admin, 'daily', 'subscribe 09:30 tz=Europe/London days=daily topic=rag reveal=6');
    expect(ok.status).toBe('ok');
    expect(ok.reply.data).toMatchObject({
      subscription: {
        timeZone: 'Europe/London',
        localTime: '09:30',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        topics: ['rag'],
        revealAfterMs: 6 * 3_600_000,
      },
      // 09:30 GMT on Monday 2 March is 09:30 UTC.
      nextPost: { localDate: '2026-03-02', at: Date.parse('2026-03-02T09:30:00Z') },
    });
  });

  it('shows status with the streak, previews for admins, skips the next post', async () => {
    const s = setup();
    await s.run(admin, 'daily', 'subscribe 09:30 tz=Asia/Tokyo days=mon-fri topic=rag');
    const status = await s.run(ada, 'daily', 'status');
    // 08:00 UTC is 17:00 in Tokyo: today's 09:30 has passed, so the next post is Tuesday's.
    expect(status.reply.data).toMatchObject({ nextPost: { localDate: '2026-03-03' }, streak: 0 });
    expect((await s.run(ada, 'daily', 'preview')).status).toBe('user-error');
    const preview = await s.run(admin, 'daily', 'preview');
    expect(preview.reply.visibility).toBe('ephemeral');
    expect(actionsOf(preview.reply)).toEqual([]);
    expect(preview.reply.data).toMatchObject({ localDate: '2026-03-03', topic: 'rag' });
    const skip = await s.run(admin, 'daily', 'skip');
    expect(skip.reply.data).toEqual({ skipped: '2026-03-03' });
    expect((await s.run(ada, 'daily', 'status')).reply.data).toMatchObject({
      nextPost: { localDate: '2026-03-04' },
    });
    expect((await s.run(admin, 'daily', 'unsubscribe')).reply.data).toEqual({ removed: true });
    expect((await s.run(ada, 'daily', 'status')).reply.fallbackText).toContain('no daily question');
  });
});

describe('/question, /stats, /review', () => {
  it('draws unseen questions of every kind, rates first answers only, and shows them in /stats', async () => {
    const s = setup();
    // Four draws give the four sample questions (every kind), each unseen; the fifth finds none left.
    const answeredIds: string[] = [];
    for (let i = 0; i < SAMPLE_CORPUS_QUESTIONS.length; i++) {
      const asked = await s.run(ada, 'question', 'rag');
      expect(asked.status).toBe('ok');
      // The reply carries no answer: the test looks it up in the corpus.
      expect(JSON.stringify(asked.reply)).not.toMatch(/"correct"|"explanation"/);
      const data = asked.reply.data as {
        id: string;
        kind: string;
        choices: { letter: string; text: string }[];
      };
      const question = SAMPLE_CORPUS_QUESTIONS.find((q) => q.id === data.id)!;
      const isRight = (text: string) =>
        question.kind === 'truefalse'
          ? (text === 'True') === question.answer
          : 'choices' in question && question.choices.some((c) => c.text === text && c.correct);
      const actions = actionsOf(asked.reply);
      const right =
        data.kind === 'numeric'
          ? await s.press(ada, actions[0]!, '21')
          : data.kind === 'multi'
            ? await s.press(
                ada,
                actions[0]!,
                data.choices
                  .filter((c) => isRight(c.text))
                  .map((c) => c.letter)
                  .join(' '),
              )
            : await s.press(ada, actions[data.choices.findIndex((c) => isRight(c.text))]!);
      expect(right.status).toBe('ok');
      expect(right.reply.data).toMatchObject({ credit: 1, rating: { rated: true } });
      const again = await s.press(ada, actions[0]!, data.kind === 'numeric' ? '21' : 'A');
      expect(again.reply.data).toMatchObject({ rating: { rated: false } });
      answeredIds.push(data.id);
    }
    expect(new Set(answeredIds).size).toBe(SAMPLE_CORPUS_QUESTIONS.length);
    expect((await s.run(ada, 'question', 'rag')).reply.fallbackText).toContain(
      'No question you have not answered',
    );
    const stats = await s.run(ada, 'stats');
    expect(stats.reply.data).toMatchObject({
      userId: 'U-ada',
      rating: { games: 4 },
      topics: [{ topic: 'rag', games: 4 }],
      accuracy: [{ topic: 'rag', attempts: 4, correct: 4 }],
    });
  });

  it('keeps review opt-in and visible: on, a miss goes in the deck, next serves it when due', async () => {
    const s = setup();
    expect((await s.run(ada, 'review', 'next')).reply.fallbackText).toContain('Review is off');
    expect((await s.run(ada, 'review', 'on')).reply.data).toEqual({ reviewing: true });
    const asked = await s.run(ada, 'question', 'rag difficulty=2');
    const data = asked.reply.data as { id: string; choices: { text: string }[] };
    expect(data.id).toBe('rag-sample-retriever');
    // DPR is the right answer (sample-corpus.ts); press another.
    const wrong = actionsOf(asked.reply)[data.choices.findIndex((c) => !c.text.startsWith('DPR'))]!;
    expect((await s.press(ada, wrong)).reply.data).toMatchObject({
      credit: 0,
      review: { kind: 'scheduled', created: true },
    });
    expect((await s.run(ada, 'review', 'status')).reply.data).toMatchObject({
      reviewing: true,
      cards: 1,
      due: 0,
    });
    s.clock.advance(3_600_000);
    const review = await s.run(ada, 'review');
    expect(review.reply.data).toMatchObject({
      id: 'rag-sample-retriever',
      questionKey: 'rag-sample-retriever',
    });
    expect((await s.run(ada, 'review', 'off')).reply.data).toEqual({ reviewing: false });
  });

  it('reads user mentions of both platforms', () => {
    expect(parseUserRef('<@U024BE7LH>')).toBe('U024BE7LH');
    expect(parseUserRef('<@U024BE7LH|ada>')).toBe('U024BE7LH');
    expect(parseUserRef('<@!80351110224678912>')).toBe('80351110224678912');
    expect(() => parseUserRef('@@nope')).toThrow(/not a user/);
  });
});

describe('/leaderboard and /help', () => {
  it('shows an empty weekly board before any daily answer', async () => {
    const s = setup();
    const board = await s.run(ada, 'leaderboard');
    expect(board.reply.data).toEqual({ title: 'Leaderboard · this week', ranking: [] });
    expect((await s.run(ada, 'leaderboard', 'all')).reply.data).toMatchObject({
      title: 'Leaderboard · all time',
    });
  });

  it('lists every command with its usage and first example, under /help and /mlsys', async () => {
    const s = setup();
    const help = await s.run(ada, 'help');
    const listed = (help.reply.data as { commands: { path: string }[] }).commands.map((c) => c.path);
    const expected = allCommands.flatMap((c) =>
      c.kind === 'command' ? [c.name] : c.subcommands.map((sub) => `${c.name} ${sub.name}`),
    );
    expect(listed).toEqual(expected);
    expect(listed).toEqual(
      expect.arrayContaining(['kvcache', 'models', 'quiz start', 'daily subscribe', 'review', 'mlsys']),
    );
    expect((await s.run(ada, 'mlsys')).reply.data).toEqual(help.reply.data);
    const one = await s.run(ada, 'mlsys', 'help daily');
    expect(one.reply.data).toMatchObject({ command: 'daily' });
    expect((await s.run(ada, 'help', '/quiz')).reply.data).toMatchObject({ command: 'quiz' });
    expect((await s.run(ada, 'help', 'kvcahe')).reply.fallbackText).toContain('/help kvcache');
  });
});
