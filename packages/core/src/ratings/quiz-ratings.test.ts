import { describe, expect, it } from 'vitest';
import { quizFixture, rightChoice } from '../testing/quiz-fixture.js';
import { SAMPLE_QUESTIONS } from '../testing/sample-questions.js';

const host = { id: 'U-host', name: 'Hana', isAdmin: false };
const ada = { id: 'U-ada', name: 'Ada' };
const choiceOnly = SAMPLE_QUESTIONS.filter((q) => q.kind !== 'numeric');

async function playQuiz(f: ReturnType<typeof quizFixture>, channelId: string, adaRight: boolean) {
  const { quiz } = await f.engine.open({
    platform: 'slack',
    channelId,
    host,
    settings: { rounds: 1, closeWhenAllAnswered: false },
  });
  await f.engine.join(quiz.id, ada);
  await f.engine.begin(quiz.id, host);
  const right = await rightChoice(f.store, quiz.id, 1);
  const round = (await f.store.quiz.getRound(quiz.id, 1))!;
  f.clock.set(round.openedAt! + 1_000);
  await f.engine.answer({
    quizId: quiz.id,
    round: 1,
    userId: 'U-ada',
    answer: String(adaRight ? right : (right + 1) % 2),
  });
  await f.engine.answer({ quizId: quiz.id, round: 1, userId: 'U-host', answer: String((right + 1) % 2) });
  await f.engine.tick(round.deadline! + 1);
  return { quiz, question: round.question };
}

describe('quiz results update ratings', () => {
  it('rates each answer as a game against the question and shows the changes on the podium', async () => {
    const f = quizFixture({ questions: choiceOnly.slice(0, 1) });
    const { question } = await playQuiz(f, 'C1', true);
    const final = f.posted().at(-1)!;
    const changes = (final.data as { ratingChanges: { userId: string; before: number; after: number }[] })
      .ratingChanges;
    const ada = changes.find((c) => c.userId === 'U-ada')!;
    const hana = changes.find((c) => c.userId === 'U-host')!;
    expect(ada.before).toBe(1500);
    expect(ada.after).toBeGreaterThan(1500);
    expect(hana.after).toBeLessThan(1500);
    expect(final.blocks.at(-1)).toMatchObject({
      type: 'context',
      text: expect.stringMatching(/^Rating changes: Ada 1500 → \d{4} \(\+\d+\)/),
    });
    const [topic] = await f.store.ratings.get([
      { kind: 'player', platform: 'slack', userId: 'U-ada', topic: question.topic },
    ]);
    expect(topic?.games).toBe(1);
    expect((await f.store.users.ratingsOf('slack', ['U-ada'])).get('U-ada')).toBe(ada.after);
  });

  it('does not change ratings on a replay of the same question', async () => {
    const f = quizFixture({ questions: choiceOnly.slice(0, 1) });
    await playQuiz(f, 'C1', true);
    const [before] = await f.store.ratings.get([
      { kind: 'player', platform: 'slack', userId: 'U-ada', topic: null },
    ]);
    await playQuiz(f, 'C2', false);
    const [after] = await f.store.ratings.get([
      { kind: 'player', platform: 'slack', userId: 'U-ada', topic: null },
    ]);
    expect(after).toEqual(before);
    const final = f.posted().at(-1)!;
    expect(
      (
        final.data as { ratingChanges: { userId: string; before: number; after: number }[] }
      ).ratingChanges.find((c) => c.userId === 'U-ada'),
    ).toMatchObject({
      before: before!.rating,
      after: before!.rating,
    });
  });
});
