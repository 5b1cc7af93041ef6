import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../ports/manual-clock.js';
import { createRecordingMessenger } from '../../ports/messenger-recording.js';
import { createSeededRandom } from '../../ports/seeded-random.js';
import type { Services } from '../../ports/services.js';
import { createListQuestionSource } from '../../quiz/question-list-source.js';
import type { ButtonAction, Reply } from '../../reply/reply.js';
import { createRouter } from '../../router/router.js';
import { createMemoryStore } from '../../testing/memory-store.js';
import { SAMPLE_QUESTIONS } from '../../testing/sample-questions.js';
import { T0 } from '../../testing/store-contract.js';
import type { Caller } from '../invocation.js';
import { parseInput, resolveCommand } from '../parse-input.js';
import { botActions, botCommands } from './index.js';
import { parseDifficultyRange, parseTopics } from './quiz-parsers.js';

const hana: Caller = { id: 'U-hana', name: 'Hana', isAdmin: false };
const ada: Caller = { id: 'U-ada', name: 'Ada', isAdmin: false };
const cy: Caller = { id: 'U-cy', name: 'Cy', isAdmin: false };

function setup(services: Partial<Services> = {}) {
  const clock = createManualClock(T0);
  const messenger = createRecordingMessenger();
  const store = createMemoryStore();
  const router = createRouter({
    commands: botCommands,
    actions: botActions,
    services: {
      clock,
      random: createSeededRandom(5),
      store,
      messenger,
      questions: createListQuestionSource(SAMPLE_QUESTIONS.filter((q) => q.kind !== 'numeric')),
      ...services,
    },
    incidentId: () => 'test',
    logger: { error: (message, fields) => console.error(message, fields) },
  });
  const quiz = (user: Caller, text: string) =>
    router.dispatch({
      platform: 'slack',
      command: 'quiz',
      text,
      user,
      channel: { id: 'C1' },
      team: { id: 'T1' },
    });
  const press = (user: Caller, button: { id: string; value: string; input?: string }) =>
    router.handleAction({
      platform: 'slack',
      user,
      channel: { id: 'C1' },
      actionId: button.id,
      value: button.value,
      ...(button.input === undefined ? {} : { input: button.input }),
    });
  const buttons = (reply: Reply | undefined): ButtonAction[] =>
    (reply?.blocks ?? [])
      .flatMap((b) => (b.type === 'actions' ? b.actions : []))
      .filter((a): a is ButtonAction => a.type === 'button');
  const lastPost = () => messenger.sent.filter((m) => m.kind === 'post').at(-1)?.reply;
  return { clock, messenger, store, quiz, press, buttons, lastPost };
}

describe('/quiz', () => {
  it('runs a lobby, rounds answered by buttons, status and stop', async () => {
    const t = setup();
    const lobby = await t.quiz(hana, 'start kv-cache,moe rounds=2 seconds=10');
    expect(lobby.status).toBe('ok');
    expect(lobby.reply.visibility).toBe('public');
    expect(lobby.reply.data).toMatchObject({
      phase: 'lobby',
      settings: { topics: ['kv-cache', 'moe'], rounds: 2, roundMs: 10_000 },
    });
    expect(t.buttons(lobby.reply).map((b) => b.label)).toEqual(['Join', 'Leave', 'Start (host)']);

    const joined = await t.press(ada, t.buttons(lobby.reply)[0]!);
    expect(joined.reply).toMatchObject({
      visibility: 'public',
      fallbackText: 'Ada joined: 2 players in the lobby.',
    });
    expect((await t.quiz(cy, 'join')).reply.fallbackText).toBe('Cy joined: 3 players in the lobby.');
    expect((await t.quiz(ada, 'join')).reply.fallbackText).toBe('You are already in (3 players).');
    expect(await t.quiz(ada, 'start')).toMatchObject({
      status: 'user-error',
      reply: { data: { error: 'quiz/busy' } },
    });

    const started = await t.quiz(hana, 'start');
    expect(started.reply.fallbackText).toBe('Started with 3 players: round 1 of 2 is up.');
    const question = t.lastPost()!;
    const choices = t.buttons(question);
    expect(choices.length).toBeGreaterThanOrEqual(2);
    expect(choices.every((b) => b.id.length + b.value.length <= 100)).toBe(true);

    t.clock.set(T0 + 2_000);
    const first = await t.press(ada, choices[0]!);
    const second = await t.press(hana, choices[1]!);
    // The ack names the pressed letter and nothing else: the same whether right or wrong.
    expect(first.reply.fallbackText).toBe('Locked in: A. The answer comes when round 1 closes.');
    expect(second.reply.fallbackText.replace('B.', 'A.')).toBe(first.reply.fallbackText);
    expect((await t.press(ada, choices[1]!)).reply.fallbackText).toBe(
      'You already answered round 1: one answer per round, the first one counts.',
    );
    expect((await t.quiz(cy, 'status')).reply.fallbackText).toBe('Round 1 of 2 is open: 8.0 s left.');
    t.clock.set(T0 + 10_001);
    expect((await t.quiz(cy, 'status')).reply.fallbackText).toBe(
      'Round 1 of 2 is done; the next round opens in 5.0 s.',
    );
    expect(t.lastPost()?.blocks[0]).toEqual({ type: 'header', text: 'Round 1 of 2: the answer' });
    expect((await t.press(cy, choices[0]!)).reply.fallbackText).toBe(
      'Sorry, round 1 closed before your answer arrived. Catch the next one!',
    );
    t.clock.set(T0 + 15_001);
    expect((await t.quiz(ada, 'status')).reply.fallbackText).toBe('Round 2 of 2 is open: 10.0 s left.');
    expect(t.lastPost()?.blocks[0]).toEqual({ type: 'header', text: 'Round 2 of 2' });
    expect(await t.quiz(ada, 'stop')).toMatchObject({
      status: 'user-error',
      reply: { data: { error: 'quiz/not-host' } },
    });
    expect((await t.quiz(hana, 'stop')).reply.fallbackText).toBe('Quiz stopped after round 2.');
    expect(t.lastPost()?.blocks[0]).toEqual({ type: 'header', text: 'Quiz stopped after round 2' });
    expect((await t.quiz(hana, 'status')).reply.fallbackText).toBe(
      'No quiz in this channel. Open one with `/quiz start`.',
    );
  });

  it('says clearly what is wrong with options', async () => {
    const t = setup();
    const topic = await t.quiz(hana, 'start kv-cahce');
    expect(topic.reply.fallbackText).toMatch(
      /^Bad topic "kv-cahce": There is no topic "kv-cahce"\.\nDid you mean: kv-cache\?/,
    );
    expect((await t.quiz(hana, 'start rounds=50')).reply.fallbackText).toMatch(
      /rounds must be a whole number from 1 to 20/,
    );
    expect((await t.quiz(hana, 'start teams=1')).reply.fallbackText).toMatch(/One team is no contest/);
    expect((await t.quiz(hana, 'join')).reply.data).toEqual({
      error: 'quiz/none',
      message: expect.any(String),
    });
  });

  it('asks for a number in the typed-answer form', async () => {
    const t = setup();
    const reply = await t.press(ada, { id: 'quiz:numeric', value: 'quiz0001.1', input: 'lots' });
    expect(reply).toMatchObject({ status: 'user-error', reply: { data: { error: 'quiz/bad-number' } } });
    expect((await t.press(ada, { id: 'quiz:answer', value: 'not a quiz' })).reply.data).toMatchObject({
      error: 'quiz/bad-button',
    });
  });

  it('explains when the bot has no database', async () => {
    const t = setup();
    const reply = await createRouter({
      commands: botCommands,
      services: { clock: t.clock, random: createSeededRandom(1) },
    }).dispatch({
      platform: 'cli',
      command: 'quiz',
      text: 'status',
      user: hana,
      channel: { id: 'C1' },
      team: { id: 'T' },
    });
    expect(reply.reply.fallbackText).toMatch(/^Quizzes need a database, and this bot runs without one\./);
  });
});

describe('/quiz examples', () => {
  const group = botCommands.find((c) => c.name === 'quiz');
  const examples =
    group?.kind === 'group'
      ? group.subcommands.flatMap((sub) => sub.examples.map((e) => [sub.name, e] as const))
      : [];
  it.each(examples)('/quiz %s %s parses', (name, example) => {
    const { spec, path, text } = resolveCommand(group!, `${name} ${example}`);
    expect(() => parseInput(spec, text, path)).not.toThrow();
  });
});

describe('quiz option parsers', () => {
  it.each([
    ['3', { min: 3, max: 3 }],
    ['hard', { min: 4, max: 4 }],
    ['2-4', { min: 2, max: 4 }],
    ['easy-hard', { min: 2, max: 4 }],
    ['warm-up', { min: 1, max: 1 }],
    ['warm-up-medium', { min: 1, max: 3 }],
    ['2..5', { min: 2, max: 5 }],
    ['medium to staff-level', { min: 3, max: 5 }],
  ])('difficulty %j', (raw, range) => {
    expect(parseDifficultyRange(raw)).toEqual(range);
  });

  it.each(['4-2', 'impossible', '0', '2-9'])('refuses difficulty %j', (raw) => {
    expect(() => parseDifficultyRange(raw)).toThrow();
  });

  it('reads topic lists', () => {
    expect(parseTopics('any')).toEqual([]);
    expect(parseTopics('KV cache,moe,moe')).toEqual(['kv-cache', 'moe']);
  });
});
