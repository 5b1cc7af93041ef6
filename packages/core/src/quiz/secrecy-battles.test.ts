import { describe, expect, it } from 'vitest';
import { botActions, botCommands } from '../commands/bot/index.js';
import type { Caller } from '../commands/invocation.js';
import { createManualClock } from '../ports/manual-clock.js';
import { createRecordingMessenger } from '../ports/messenger-recording.js';
import type { QuizQuestion } from '../ports/question-source.js';
import { createSeededRandom, randomInt } from '../ports/seeded-random.js';
import type { RoundRecord } from '../ports/store-quiz.js';
import type { ButtonAction, PromptAction, Reply } from '../reply/reply.js';
import { createRouter } from '../router/router.js';
import { createMemoryStore } from '../testing/memory-store.js';
import { T0 } from '../testing/store-contract.js';
import { QUIZ_ACTIONS } from './action-values.js';
import { createQuizEngine } from './engine.js';
import { createListQuestionSource } from './question-list-source.js';
import { answerText } from './replies/results-reply.js';

const QUIZZES = 100;
const ROUNDS = 10;
const random = createSeededRandom(2024);
const pick = <T>(items: readonly T[]): T => items[randomInt(random, items.length)]!;

/**
 * Made-up questions whose secrets are easy to spot: 7-digit numeric answers (never a round number,
 * a count of players or points), and explanations and sources that name their question.
 */
function generatedQuestions(count: number): QuizQuestion[] {
  return Array.from({ length: count }, (_, i): QuizQuestion => {
    const base = {
      id: `gen-${i}`,
      topic: pick(['kv-cache', 'moe', 'attention']),
      difficulty: 1 + randomInt(random, 5),
      prompt: `Generated question ${i}: which one?`,
      explanation: `Explanation of gen-${i}: the reason is ${randomInt(random, 1e9)}.`,
      source: `Source of gen-${i}, section ${randomInt(random, 1e9)}`,
    };
    if (random.next() < 0.3) {
      const value = 1_000_000 + randomInt(random, 9_000_000);
      return {
        ...base,
        kind: 'numeric',
        answer: { value, unit: 'tokens', tolerance: 0.02, partialTolerance: 0.1 },
      };
    }
    const n = 2 + randomInt(random, 4);
    const right = randomInt(random, n);
    return {
      ...base,
      kind: 'single',
      choices: Array.from({ length: n }, (_, c) => ({ text: `choice ${i}-${c}`, correct: c === right })),
    };
  });
}

/** Number formats of a numeric answer, matched only where no other digit touches them. */
function numericLeak(value: number): RegExp {
  const forms = [String(value), value.toLocaleString('en-US')];
  return new RegExp(`(?<![\\d.,])(?:${forms.join('|')})(?![\\d])`);
}

/** What a payload sent while `round` is open must not contain. */
function leaks(payload: unknown, round: RoundRecord, ownTyped?: string): string[] {
  let json = JSON.stringify(payload);
  // A player's own typed guess echoed back to them ("Locked in: **4,271,933**") is not a leak.
  if (ownTyped !== undefined) json = json.replaceAll(ownTyped, '<typed>');
  const q = round.question;
  const found: string[] = [];
  for (const marker of [
    '✅',
    '❌',
    '"answer":',
    '"correct"',
    '"credit"',
    'the answer was',
    ': the answer"',
  ]) {
    if (json.includes(marker)) found.push(marker);
  }
  if (json.includes(q.explanation)) found.push('explanation');
  if (json.includes(q.source)) found.push('source');
  if (json.includes(answerText(q)) && q.kind === 'numeric') found.push('answer text');
  if (q.kind === 'numeric' && numericLeak(q.answer.value).test(json)) found.push('numeric value');
  return found;
}

const buttonsOf = (reply: Reply | undefined) =>
  (reply?.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.actions : []));

describe('answer secrecy over 1,000 simulated rounds', () => {
  it('sends nothing before a round closes that gives its answer away, and reveals it after', async () => {
    const clock = createManualClock(T0);
    const messenger = createRecordingMessenger();
    const store = createMemoryStore();
    const questions = createListQuestionSource(generatedQuestions(600));
    const services = { clock, random: createSeededRandom(7), store, messenger, questions };
    const router = createRouter({
      commands: botCommands,
      actions: botActions,
      services,
      logger: { error: (message, fields) => console.error(message, fields) },
    });
    const engine = createQuizEngine(services);
    const people: Caller[] = Array.from({ length: 12 }, (_, i) => ({
      id: `U${i}`,
      name: `P${i}`,
      isAdmin: false,
    }));
    const press = (user: Caller, channel: string, action: { id: string; value: string }, input?: string) =>
      router.handleAction({
        platform: 'slack',
        actionId: action.id,
        value: action.value,
        ...(input === undefined ? {} : { input }),
        user,
        channel: { id: channel },
      });

    const problems: string[] = [];
    let roundsChecked = 0;
    let payloadsChecked = 0;
    for (let q = 0; q < QUIZZES; q++) {
      const channel = `C${q}`;
      const players = people.slice(0, 2 + randomInt(random, 10));
      const host = players[0]!;
      const options = pick(['', ' teams=2', ' speed=off', ' streak=off', ' teams=3 pick=chosen']);
      const start = await router.dispatch({
        platform: 'slack',
        command: 'quiz',
        text: `start any rounds=${ROUNDS} seconds=30${options}`,
        user: host,
        channel: { id: channel },
        team: { id: 'T1' },
      });
      expect(start.status, start.reply.fallbackText).toBe('ok');
      const lobbyButtons = buttonsOf(start.reply) as ButtonAction[];
      const join = lobbyButtons.find((b) => b.id === QUIZ_ACTIONS.join)!;
      const quizId = join.value.split('.')[0]!;
      for (const player of players.slice(1)) await press(player, channel, join);
      let from = messenger.sent.length;
      await press(host, channel, lobbyButtons.find((b) => b.id === QUIZ_ACTIONS.begin)!);

      for (let r = 1; r <= ROUNDS; r++) {
        const round = (await store.quiz.getRound(quizId, r))!;
        const questionPost = messenger.sent.at(-1)!;
        const replies: { reply: Reply; ownTyped?: string }[] = [];
        // Some players answer (a few twice, one outsider tries), some ask for the status, some stay silent.
        for (const player of [...players, people[11]!]) {
          const roll = random.next();
          if (roll < 0.15) continue;
          if (roll < 0.25) {
            const status = await router.dispatch({
              platform: 'slack',
              command: 'quiz',
              text: 'status',
              user: player,
              channel: { id: channel },
              team: { id: 'T1' },
            });
            replies.push({ reply: status.reply });
            continue;
          }
          const actions = buttonsOf(questionPost.reply);
          for (let times = roll > 0.9 ? 2 : 1; times > 0; times--) {
            if (round.question.kind === 'numeric') {
              const prompt = actions.find((a): a is PromptAction => a.type === 'prompt')!;
              const v = round.question.answer.value;
              const typed = String(pick([v, v + 1, Math.round(v * 1.05), randomInt(random, 1e7)]));
              const shown = Number(typed).toLocaleString('en-US', { maximumFractionDigits: 6 });
              replies.push({ reply: (await press(player, channel, prompt, typed)).reply, ownTyped: shown });
            } else {
              const buttons = actions.filter((a): a is ButtonAction => a.type === 'button');
              replies.push({ reply: (await press(player, channel, pick(buttons))).reply });
            }
          }
        }
        // Close by the clock when someone stayed silent (else the last answer closed it).
        if ((await store.quiz.getRound(quizId, r))!.closedAt === null) {
          clock.set(round.deadline! + 1);
          await engine.tick();
        }
        const header = `Round ${r} of ${ROUNDS}: the answer`;
        const resultsAt = messenger.sent.findIndex(
          (m, i) => i >= from && m.reply.blocks[0]?.type === 'header' && m.reply.blocks[0].text === header,
        );
        if (resultsAt < 0) {
          problems.push(`${quizId} round ${r}: no results post`);
          break;
        }
        const before = [
          ...messenger.sent.slice(from, resultsAt).map((m) => ({ reply: m, ownTyped: undefined })),
          ...replies,
        ];
        for (const { reply, ownTyped } of before) {
          payloadsChecked++;
          const found = leaks(reply, round, ownTyped);
          if (found.length > 0)
            problems.push(
              `${quizId} round ${r}: ${found.join(', ')} in ${JSON.stringify(reply).slice(0, 200)}`,
            );
        }
        // The detector is not blind: the question post is among the checked payloads, and it does flag the reveal.
        if (!messenger.sent.slice(from, resultsAt).includes(questionPost))
          problems.push(`${quizId} round ${r}: question unchecked`);
        if (leaks(messenger.sent[resultsAt], round).length === 0)
          problems.push(`${quizId} round ${r}: reveal not flagged`);
        const reveal = JSON.stringify(messenger.sent[resultsAt]);
        if (!reveal.includes(`✅ **${answerText(round.question)}**`))
          problems.push(`${quizId} round ${r}: no reveal`);
        if (round.question.kind === 'numeric' && !numericLeak(round.question.answer.value).test(reveal))
          problems.push(`${quizId} round ${r}: reveal lacks the value`);
        roundsChecked++;
        from = resultsAt + 1;
        // The gap, then the next question (or the podium after the last round).
        clock.set(clock.now().getTime() + 5_001);
        await engine.tick();
      }
    }
    console.info(
      `secrecy: ${roundsChecked} rounds, ${payloadsChecked} payloads checked before their round closed`,
    );
    expect(problems.slice(0, 10)).toEqual([]);
    expect(roundsChecked).toBe(QUIZZES * ROUNDS);
  }, 120_000);
});
