import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../ports/question-source.js';
import type { QuizRecord } from '../ports/store-quiz.js';
import { quizFixture } from '../testing/quiz-fixture.js';
import { SAMPLE_QUESTIONS } from '../testing/sample-questions.js';
import { T0 } from '../testing/store-contract.js';
import { DEFAULT_QUIZ_SETTINGS } from './quiz-settings.js';
import { questionReply } from './replies/question-reply.js';

const quiz: QuizRecord = {
  id: 'quiz0001',
  platform: 'slack',
  channelId: 'C1',
  hostId: 'U1',
  settings: DEFAULT_QUIZ_SETTINGS,
  phase: 'question',
  round: 1,
  phaseEndsAt: T0 + 20_000,
  createdAt: T0,
  endedAt: null,
  version: 3,
};

describe('answer secrecy', () => {
  it('posts the same question whichever choice is right and whatever the explanation says', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 75 }), { minLength: 2, maxLength: 5 }),
        fc.nat(),
        fc.string(),
        (texts, pick, explanation) => {
          const variant = (correct: number, why: string): QuizQuestion => ({
            ...SAMPLE_QUESTIONS[0]!,
            kind: 'single',
            choices: texts.map((text, i) => ({ text, correct: i === correct })),
            explanation: why,
          });
          const round = (q: QuizQuestion) => ({
            round: 1,
            question: q,
            openedAt: T0,
            deadline: T0 + 20_000,
            closedAt: null,
          });
          const a = JSON.stringify(questionReply(quiz, round(variant(pick % texts.length, explanation))));
          const b = JSON.stringify(questionReply(quiz, round(variant(0, 'another explanation'))));
          return a === b;
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('sends nothing that gives the answer away before a round closes', async () => {
    const f = quizFixture({ questions: SAMPLE_QUESTIONS });
    const { quiz: q } = await f.engine.open({
      platform: 'slack',
      channelId: 'C1',
      host: { id: 'U1', name: 'Hana' },
      settings: { rounds: SAMPLE_QUESTIONS.length, gapMs: 0, closeWhenAllAnswered: false },
    });
    await f.engine.begin(q.id, { id: 'U1', name: 'Hana' });
    for (let round = 1; round <= SAMPLE_QUESTIONS.length; round++) {
      const stored = (await f.store.quiz.getRound(q.id, round))!;
      const question = stored.question;
      // Everything sent while the round was open: the question post is the last message.
      const open = JSON.stringify(f.messenger.sent.at(-1));
      expect(open).toContain(JSON.stringify(question.prompt).slice(1, -1));
      expect(open).not.toContain(question.explanation.slice(0, 30));
      expect(open).not.toContain(question.source.slice(0, 30));
      expect(open).not.toMatch(/"correct"|"answer"|"why"|tolerance/);
      if (question.kind === 'numeric') {
        const v = question.answer.value;
        for (const shown of [String(v), v.toLocaleString('en-US')]) expect(open).not.toContain(shown);
      }
      f.clock.set(stored.deadline! + 1);
      await f.engine.tick(stored.deadline! + 1);
      // Once closed, the answer and explanation are out.
      const results = f.messenger.sent.find(
        (m) =>
          m.kind === 'post' &&
          m.reply.blocks[0]?.type === 'header' &&
          m.reply.blocks[0].text === `Round ${round} of ${SAMPLE_QUESTIONS.length}: the answer`,
      );
      expect(JSON.stringify(results)).toContain(question.explanation.slice(0, 30));
    }
  });
});
