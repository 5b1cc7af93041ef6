import { performance } from 'node:perf_hooks';
import {
  createListQuestionSource,
  createManualClock,
  createQuizEngine,
  createSeededRandom,
  DEFAULT_QUIZ_SETTINGS,
  percentile,
  type QuizQuestion,
  type QuizStore,
  type Store,
} from '@mlsys/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/tables.js';

/** One measured way of recording answers. */
export interface BenchRow {
  path: string;
  answers: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const T0 = Date.UTC(2025, 0, 1);
const QUESTION: QuizQuestion = {
  id: 'bench-question',
  topic: 'kv-cache',
  difficulty: 1,
  kind: 'single',
  prompt: 'Benchmark question',
  choices: [
    { text: 'a', correct: true },
    { text: 'b', correct: false },
  ],
  explanation: 'Benchmark.',
  source: 'none',
};

function row(path: string, latencies: number[], wallMs: number): BenchRow {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    path,
    answers: latencies.length,
    perSecond: latencies.length / (wallMs / 1000),
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
  };
}

/** A quiz with `players` joined and round 1 open for an hour. */
async function openRound(quiz: QuizStore, id: string, players: number): Promise<void> {
  await quiz.createQuiz({
    id,
    platform: 'cli',
    channelId: `bench-${id}`,
    hostId: 'p0',
    settings: { ...DEFAULT_QUIZ_SETTINGS, rounds: 1, closeWhenAllAnswered: false },
    createdAt: T0,
    phaseEndsAt: T0 + 3_600_000,
  });
  for (let i = 0; i < players; i++) {
    await quiz.addPlayer(id, { userId: `p${i}`, name: `p${i}`, team: null, rating: 1500, joinedAt: T0 });
  }
  await quiz.applyChange(id, 0, {
    quiz: { phase: 'question', round: 1, phaseEndsAt: T0 + 3_600_000 },
    newRounds: [{ round: 1, question: QUESTION, openedAt: T0, deadline: T0 + 3_600_000, closedAt: null }],
  });
}

async function sequential(
  players: number,
  answer: (i: number) => Promise<unknown>,
): Promise<{ latencies: number[]; wall: number }> {
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < players; i++) {
    const t = performance.now();
    await answer(i);
    latencies.push(performance.now() - t);
  }
  return { latencies, wall: performance.now() - start };
}

async function allAtOnce(
  players: number,
  answer: (i: number) => Promise<unknown>,
): Promise<{ latencies: number[]; wall: number }> {
  const start = performance.now();
  const latencies = await Promise.all(
    Array.from({ length: players }, async (_, i) => {
      await answer(i);
      return performance.now() - start;
    }),
  );
  return { latencies, wall: performance.now() - start };
}

/** Runs a measurement `runs` times (each on a fresh quiz) and keeps the fastest: on a shared machine the
 * fastest run is the one least disturbed by other processes. */
async function bestOf(
  runs: number,
  path: string,
  measure: () => Promise<{ latencies: number[]; wall: number }>,
): Promise<BenchRow> {
  let best: BenchRow | undefined;
  for (let i = 0; i < runs; i++) {
    const { latencies, wall } = await measure();
    const r = row(path, latencies, wall);
    if (!best || r.perSecond > best.perSecond) best = r;
  }
  return best!;
}

/**
 * Answers recorded per second with `players` players in one round, on one database: a plain INSERT
 * loop as the baseline (no deadline check, no duplicate check), then the store's guarded
 * `submitAnswer` one after another and all at once, then the engine's `answer` (the full path).
 * Each is the best of `runs` runs.
 */
export async function benchAnswers(
  store: Store,
  db: Kysely<Database>,
  players: number,
  runs = 3,
): Promise<BenchRow[]> {
  let n = 0;
  const fresh = async () => {
    const id = `bench${++n}x${Date.now().toString(36)}`;
    await openRound(store.quiz, id, players);
    return id;
  };
  const submit = (quizId: string, i: number, userId = `p${i}`) =>
    store.quiz.submitAnswer({ quizId, round: 1, userId, answer: '0', at: T0 + i });

  // Warm-up: statement caches, WAL file, pool connections.
  const warm = await fresh();
  await allAtOnce(Math.min(players, 200), (i) => submit(warm, i));

  const engine = createQuizEngine({
    store,
    questions: createListQuestionSource([QUESTION]),
    clock: createManualClock(T0 + 1_000),
    random: createSeededRandom(1),
  });
  return [
    await bestOf(runs, 'plain INSERT loop (baseline)', async () => {
      const quizId = await fresh();
      return sequential(players, (i) =>
        db
          .insertInto('quiz_answers')
          .values({ quiz_id: quizId, round: 1, user_id: `p${i}`, answer: '0', answered_at: T0 + i })
          .execute(),
      );
    }),
    await bestOf(runs, 'submitAnswer, one after another', async () => {
      const quizId = await fresh();
      return sequential(players, (i) => submit(quizId, i));
    }),
    await bestOf(runs, `submitAnswer, ${players} at once`, async () => {
      const quizId = await fresh();
      return allAtOnce(players, (i) => submit(quizId, i));
    }),
    await bestOf(runs, `submitAnswer, ${players} at once, half duplicates`, async () => {
      const quizId = await fresh();
      return allAtOnce(players, (i) => submit(quizId, i, `p${i % (players / 2)}`));
    }),
    await bestOf(runs, 'engine.answer, one after another', async () => {
      const quizId = await fresh();
      return sequential(players, (i) => engine.answer({ quizId, round: 1, userId: `p${i}`, answer: '0' }));
    }),
  ];
}
