import { expect, it } from 'vitest';
import { createManualClock } from '../ports/manual-clock.js';
import type { Store } from '../ports/store.js';
import { quizFixture, rightChoice } from './quiz-fixture.js';
import { SAMPLE_QUESTIONS } from './sample-questions.js';
import { freshId, ENGINE_T0 as T0 } from './store-contract.js';

/** Access to the suite's database for the engine tests. */
export interface EngineContractAccess {
  /** The suite's open store. */
  store(): Store;
  /** Closes the suite's store and opens a new one on the same database, as a restarted instance. */
  restart(): Promise<Store>;
  /** A second store open at the same time (another instance), or the same one where only one may be open. */
  otherInstance(): Promise<{ store: Store; close(): Promise<void> }>;
}

const choiceOnly = SAMPLE_QUESTIONS.filter((q) => q.kind !== 'numeric');

/** Quiz-engine scenarios that depend on the store's guarantees; registered inside the store contract. */
export function engineContractTests(db: EngineContractAccess): void {
  it('engine: many players clicking at once through two instances get exactly one answer each', async () => {
    const clock = createManualClock(T0);
    const other = await db.otherInstance();
    try {
      const a = quizFixture({ store: db.store(), clock, questions: choiceOnly });
      const b = quizFixture({ store: other.store, clock, questions: choiceOnly });
      const players = Array.from({ length: 40 }, (_, i) => ({ id: `U-${i}`, name: `Player ${i}` }));
      const { quiz } = await a.engine.open({
        platform: 'discord',
        channelId: freshId('C'),
        host: players[0]!,
        settings: { rounds: 1, closeWhenAllAnswered: false },
      });
      for (const p of players.slice(1)) await b.engine.join(quiz.id, p);
      await a.engine.begin(quiz.id, players[0]!);
      const right = await rightChoice(db.store(), quiz.id, 1);
      const wrong = right === 0 ? 1 : 0;
      clock.set(T0 + 2_000);
      // Even players answer right, odd ones wrong; each clicks on both instances at the same instant.
      const clicks = players.flatMap((p, i) =>
        [a, b].map((f) =>
          f.engine.answer({
            quizId: quiz.id,
            round: 1,
            userId: p.id,
            answer: String(i % 2 === 0 ? right : wrong),
          }),
        ),
      );
      const results = await Promise.all(clicks);
      expect(results.filter((r) => r.accepted)).toHaveLength(40);
      expect(results.filter((r) => !r.accepted && r.reason === 'duplicate')).toHaveLength(40);

      // Both instances tick at once: the round is closed and scored once, and announced once.
      const steps = await Promise.all([a.engine.tick(T0 + 20_001), b.engine.tick(T0 + 20_001)]);
      expect(steps[0]! + steps[1]!).toBe(1);
      const announced = [...a.posted(), ...b.posted()].filter((r) =>
        r.fallbackText.includes('the answer was'),
      );
      expect(announced).toHaveLength(1);
      const { players: standings } = await a.engine.standings(quiz.id);
      // Right at 2 s of 20 s: round((1 − (2/20)/2) · 1000) = 950.
      expect(standings.map((s) => [s.userId, s.score]).sort()).toEqual(
        players.map((p, i) => [p.id, i % 2 === 0 ? 950 : 0]).sort(),
      );
    } finally {
      await other.close();
    }
  });

  it('engine: a restarted instance finishes a quiz stopped mid-round, scores intact', async () => {
    const clock = createManualClock(T0);
    const before = quizFixture({ store: db.store(), clock, questions: choiceOnly });
    const host = { id: 'U-host', name: 'Hana' };
    const { quiz } = await before.engine.open({
      platform: 'slack',
      channelId: freshId('C'),
      host,
      settings: { rounds: 2, gapMs: 5_000, closeWhenAllAnswered: false },
    });
    await before.engine.join(quiz.id, { id: 'U-ada', name: 'Ada' });
    await before.engine.begin(quiz.id, host);
    const right = await rightChoice(db.store(), quiz.id, 1);
    clock.set(T0 + 1_000);
    await before.engine.answer({ quizId: quiz.id, round: 1, userId: 'U-ada', answer: String(right) });

    const store = await db.restart();
    const after = quizFixture({ store, clock, questions: choiceOnly });
    expect(
      await after.engine.answer({ quizId: quiz.id, round: 1, userId: 'U-ada', answer: String(right) }),
    ).toEqual({ accepted: false, reason: 'duplicate' });
    expect(await after.engine.tick(T0 + 20_001)).toBe(1);
    expect(await after.engine.tick(T0 + 25_001)).toBe(1);
    const right2 = await rightChoice(store, quiz.id, 2);
    clock.set(T0 + 25_001 + 400);
    await after.engine.answer({ quizId: quiz.id, round: 2, userId: 'U-ada', answer: String(right2) });
    expect(await after.engine.tick(T0 + 45_002)).toBe(1);
    const final = await after.engine.standings(quiz.id);
    expect(final.quiz.phase).toBe('finished');
    // Round 1 at 1 s of 20 s: 975; round 2 under 0.5 s: 1000 + 100 streak bonus.
    expect(final.players.map((p) => [p.name, p.score])).toEqual([
      ['Ada', 2075],
      ['Hana', 0],
    ]);
    expect(after.posted().at(-1)?.fallbackText).toBe('Quiz over. 1. Ada 2075, 2. Hana 0');
  });
}
