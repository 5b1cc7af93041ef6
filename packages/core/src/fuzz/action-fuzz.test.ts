import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUIZ_ACTIONS } from '../quiz/action-values.js';
import type { ButtonAction } from '../reply/reply.js';
import { fuzzCaller, fuzzInvocation, fuzzRouter, outcomeOfDispatched, preview } from './fuzz-harness.js';
import { HOSTILE_VALUES } from './hostile-inputs.js';

const PRESSES = 20_000;

describe('fuzzing button presses', () => {
  it(`answers ${PRESSES.toLocaleString('en-US')} random presses with a value or a user error`, async () => {
    const { router, incidents } = fuzzRouter(9);
    // Real quizzes first, so some values name a quiz that exists: three lobbies and one running quiz.
    const quizIds: string[] = [];
    for (const channel of [1, 2, 3, 4]) {
      const lobby = await router.dispatch(
        fuzzInvocation('quiz', 'start any rounds=3 seconds=10', 1, channel),
      );
      expect(lobby.status).toBe('ok');
      const join = lobby.reply.blocks
        .flatMap((b) => (b.type === 'actions' ? b.actions : []))
        .find((a): a is ButtonAction => a.type === 'button' && a.id === QUIZ_ACTIONS.join)!;
      quizIds.push(join.value.split('.')[0]!);
    }
    await router.handleAction({
      platform: 'slack',
      actionId: QUIZ_ACTIONS.begin,
      value: quizIds[3]!,
      user: fuzzCaller(1),
      channel: { id: 'C4' },
    });

    const quizId = fc.oneof(
      fc.constantFrom(...quizIds),
      fc.stringMatching(/^[a-z0-9]{3,25}$/),
      fc.constantFrom(...HOSTILE_VALUES),
    );
    const number = fc.oneof(fc.nat(1_000), fc.constantFrom('-1', '1e400', 'NaN', '0x1', '', '999', '01'));
    const value = fc.oneof(
      fc.tuple(quizId, number, number).map(([q, a, b]) => `${q}.${a}.${b}`),
      fc.tuple(quizId, number).map(([q, a]) => `${q}.${a}`),
      quizId,
      fc.string({ unit: 'binary', maxLength: 120 }),
    );
    const press = fc.record({
      actionId: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...Object.values(QUIZ_ACTIONS)) },
        { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'quiz:', '') },
        { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
      ),
      value,
      input: fc.option(
        fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.string({ unit: 'binary', maxLength: 40 })),
        {
          nil: undefined,
        },
      ),
      user: fc.nat(60),
      channel: fc.integer({ min: 1, max: 5 }),
    });

    const bad: string[] = [];
    const statuses = { ok: 0, 'user-error': 0 };
    for (let chunk = 0; chunk < PRESSES / 1_000; chunk++) {
      for (const p of fc.sample(press, { seed: 0x8a00 + chunk, numRuns: 1_000 })) {
        const result = await router.handleAction({
          platform: 'discord',
          actionId: p.actionId,
          value: p.value,
          ...(p.input === undefined ? {} : { input: p.input }),
          user: fuzzCaller(p.user),
          channel: { id: `C${p.channel}` },
        });
        const outcome = outcomeOfDispatched(result);
        if (outcome === 'bad') bad.push(`${p.actionId} ${preview(p.value)} → ${result.status}`);
        else statuses[outcome]++;
      }
    }
    console.info(`action fuzz: ${PRESSES} presses, ${statuses.ok} ok, ${statuses['user-error']} user errors`);
    expect(bad.slice(0, 20)).toEqual([]);
    expect(incidents).toEqual([]);
    expect(statuses.ok).toBeGreaterThan(100);
  }, 120_000);
});
