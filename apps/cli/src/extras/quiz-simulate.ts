import {
  createManualClock,
  createQuizEngine,
  createSeededRandom,
  type QuestionSource,
  randomInt,
  type Store,
} from '@mlsys/core';
import { UserError } from '@mlsys/errors';
import { createTemporaryStore } from '@mlsys/store';
import { parseFlags } from './corpus-flags.js';
import type { CliExtra } from './index.js';
import { corpusQuizQuestions } from './quiz-questions.js';

const USAGE = 'mlsys quiz simulate --players 50 --rounds 5 [--teams 2] [--seed 7] [--seconds 20] [--json]';
const FLAGS = {
  players: 'string',
  rounds: 'string',
  teams: 'string',
  seed: 'string',
  seconds: 'string',
  json: 'boolean',
} as const;

/** What a simulation reports (`--json`). */
export interface SimulationSummary {
  answersAccepted: number;
  duplicatesRejected: number;
  lateRejected: number;
  podium: { player: string; score: number }[];
  teamScores: Record<string, number>;
}

/** Simulated behaviour, per answer: 10 % click twice at the same instant; latencies reach 115 % of the timer. */
const DOUBLE_CLICK = 0.1;
const LATEST = 1.15;
const EARLIEST_MS = 200;
/** 2025-01-01T00:00:00Z: a fixed start, so runs repeat exactly. */
const START_MS = Date.UTC(2025, 0, 1);

/**
 * Plays one quiz with simulated players through the real engine and store: each player answers every
 * round with a random choice after a random latency (some after the deadline), and some click twice at
 * the same instant. Everything random comes from `seed`, and time from a manual clock, so a seed
 * always gives the same summary on either store.
 */
export async function simulateQuiz(options: {
  store: Store;
  questions: QuestionSource;
  players: number;
  rounds: number;
  teams: number;
  seed: number;
  seconds: number;
}): Promise<SimulationSummary> {
  const { store, players: count, seed } = options;
  const clock = createManualClock(START_MS);
  const behaviour = createSeededRandom(seed ^ 0x5bd1e995);
  const engine = createQuizEngine({
    store,
    questions: options.questions,
    clock,
    random: createSeededRandom(seed),
    newId: () => `sim${seed >>> 0}`,
  });
  const players = Array.from({ length: count }, (_, i) => ({
    id: `p${i + 1}`,
    name: `player-${String(i + 1).padStart(4, '0')}`,
  }));
  const host = players[0]!;
  const roundMs = options.seconds * 1000;
  const gapMs = 5_000;
  const opened = await engine.open({
    platform: 'cli',
    channelId: `simulation-${seed >>> 0}`,
    host,
    settings: { rounds: options.rounds, teams: options.teams, roundMs, gapMs, closeWhenAllAnswered: false },
  });
  if (!opened.opened)
    throw new UserError(
      'cli/simulation-busy',
      'A simulation with this seed is already running in this store.',
    );
  const quizId = opened.quiz.id;
  for (const p of players.slice(1)) await engine.join(quizId, p);
  let quiz = (await engine.begin(quizId, host)).quiz;

  const tally = { answersAccepted: 0, duplicatesRejected: 0, lateRejected: 0 };
  while (quiz.phase === 'question') {
    const round = (await store.quiz.getRound(quizId, quiz.round))!;
    const choices = round.question.kind === 'numeric' ? 1 : round.question.choices.length;
    const clicks = players
      .map((p, i) => ({
        p,
        i,
        latency: EARLIEST_MS + Math.floor(behaviour.next() * (LATEST * roundMs - EARLIEST_MS)),
        choice: randomInt(behaviour, choices),
        times: behaviour.next() < DOUBLE_CLICK ? 2 : 1,
      }))
      .sort((a, b) => a.latency - b.latency || a.i - b.i);
    for (const click of clicks) {
      clock.set(round.openedAt! + click.latency);
      const answer = () =>
        engine.answer({ quizId, round: quiz.round, userId: click.p.id, answer: String(click.choice) });
      const results = await Promise.all(Array.from({ length: click.times }, answer));
      for (const r of results) {
        if (r.accepted) tally.answersAccepted++;
        else if (r.reason === 'duplicate') tally.duplicatesRejected++;
        else if (r.reason === 'late') tally.lateRejected++;
        else throw new Error(`simulation: unexpected rejection ${r.reason}`);
      }
    }
    const closeAt = round.deadline! + 1;
    await engine.tick(closeAt);
    await engine.tick(closeAt + gapMs);
    quiz = (await store.quiz.getQuiz(quizId))!;
  }
  const { players: standings, teams } = await engine.standings(quizId);
  return {
    ...tally,
    podium: standings.slice(0, 5).map((s) => ({ player: s.name, score: s.score })),
    teamScores: Object.fromEntries(teams.map((t) => [t.name, t.score])),
  };
}

function intFlag(raw: string | undefined, fallback: number, min: number, max: number, name: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserError('cli/bad-flag', `--${name} must be a whole number from ${min} to ${max}.`, {
      example: USAGE,
    });
  }
  return value;
}

/** `mlsys quiz simulate`: simulated players against the real core and store. */
export const quizSimulateExtra: CliExtra = {
  path: ['quiz', 'simulate'],
  summary:
    'Simulate a quiz: --players N --rounds R [--teams T] [--seed S] [--json] (SQLite temp file, or DATABASE_URL)',
  async run(args, out) {
    const flags = parseFlags(args, FLAGS, USAGE);
    if (flags.players === undefined)
      throw new UserError('cli/bad-flag', 'Say how many players: --players N.', { example: USAGE });
    const players = intFlag(flags.players, 0, 1, 10_000, 'players');
    const rounds = intFlag(flags.rounds, 5, 1, 20, 'rounds');
    const teams = intFlag(flags.teams, 0, 0, 4, 'teams');
    if (teams === 1) throw new UserError('cli/bad-flag', '--teams must be 0 or 2 to 4.', { example: USAGE });
    const seed = intFlag(flags.seed, 1, 0, 2 ** 31 - 1, 'seed');
    const seconds = intFlag(flags.seconds, 20, 5, 120, 'seconds');
    const questions = await corpusQuizQuestions('choice');
    // biome-ignore lint/complexity/useLiteralKeys: process.env is an index signature
    const store = await createTemporaryStore(process.env['DATABASE_URL']);
    try {
      const summary = await simulateQuiz({ store, questions, players, rounds, teams, seed, seconds });
      if (flags.json) out.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else out.stdout.write(`${summaryText(summary, store.engine)}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

function summaryText(s: SimulationSummary, engine: string): string {
  const lines = [
    `Simulated on ${engine}: ${s.answersAccepted} answers accepted, ${s.duplicatesRejected} duplicate clicks and ${s.lateRejected} late answers rejected.`,
    'Podium:',
    ...s.podium.map((p, i) => `  ${i + 1}. ${p.player}  ${p.score}`),
  ];
  const teams = Object.entries(s.teamScores);
  if (teams.length > 0)
    lines.push('Teams (average per player):', ...teams.map(([name, score]) => `  ${name}  ${score}`));
  return lines.join('\n');
}
