import { performance } from 'node:perf_hooks';
import {
  createListQuestionSource,
  createManualClock,
  createQuizEngine,
  createSeededRandom,
  DEFAULT_QUIZ_SETTINGS,
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

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function row(path: string, latencies: number[], wallMs: number): BenchRow {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    path,
    answers: latencies.length,
    perSecond: latencies.length / (wallMs / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
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

/**
 * Answers recorded per second with `players` players in one round, on one database: a plain INSERT
 * loop as the baseline (no deadline check, no duplicate check), then the store's guarded
 * `submitAnswer` one after another and all at once, then the engine's `answer` (the full path).
 */
export async function benchAnswers(store: Store, db: Kysely<Database>, players: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  let n = 0;
  const fresh = async () => {
    const id = `bench${++n}x${Date.now().toString(36)}`;
    await openRound(store.quiz, id, players);
    return id;
  };

  // Warm-up: statement caches, WAL file, pool connections.
  const warm = await fresh();
  await allAtOnce(Math.min(players, 200), (i) =>
    store.quiz.submitAnswer({ quizId: warm, round: 1, userId: `p${i}`, answer: '0', at: T0 + i }),
  );

  const plain = await fresh();
  const base = await sequential(players, (i) =>
    db
      .insertInto('quiz_answers')
      .values({ quiz_id: plain, round: 1, user_id: `p${i}`, answer: '0', answered_at: T0 + i })
      .execute(),
  );
  rows.push(row('plain INSERT loop (baseline)', base.latencies, base.wall));

  const seq = await fresh();
  const s = await sequential(players, (i) =>
    store.quiz.submitAnswer({ quizId: seq, round: 1, userId: `p${i}`, answer: '0', at: T0 + i }),
  );
  rows.push(row('submitAnswer, one after another', s.latencies, s.wall));

  const burst = await fresh();
  const b = await allAtOnce(players, (i) =>
    store.quiz.submitAnswer({ quizId: burst, round: 1, userId: `p${i}`, answer: '0', at: T0 + i }),
  );
  rows.push(row(`submitAnswer, ${players} at once`, b.latencies, b.wall));

  const dup = await fresh();
  const d = await allAtOnce(players, (i) =>
    store.quiz.submitAnswer({
      quizId: dup,
      round: 1,
      userId: `p${i % (players / 2)}`,
      answer: '0',
      at: T0 + i,
    }),
  );
  rows.push(row(`submitAnswer, ${players} at once, half duplicates`, d.latencies, d.wall));

  const clock = createManualClock(T0 + 1_000);
  const engine = createQuizEngine({
    store,
    questions: createListQuestionSource([QUESTION]),
    clock,
    random: createSeededRandom(1),
  });
  const viaEngine = await fresh();
  const e = await sequential(players, (i) =>
    engine.answer({ quizId: viaEngine, round: 1, userId: `p${i}`, answer: '0' }),
  );
  rows.push(row('engine.answer, one after another', e.latencies, e.wall));
  return rows;
}
