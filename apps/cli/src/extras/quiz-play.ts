import { createInterface } from 'node:readline';
import {
  type Clock,
  createQuizEngine,
  createRecordingMessenger,
  parseNumber,
  type QuestionSource,
  type QuizSettings,
  replyToPlainText,
  type Store,
  systemClock,
  systemRandom,
} from '@mlsys/core';
import { UserError } from '@mlsys/errors';
import { createTemporaryStore } from '@mlsys/store';
import { parseFlags } from './corpus-flags.js';
import type { CliExtra } from './index.js';
import { corpusQuizQuestions } from './quiz-questions.js';

const USAGE = 'mlsys quiz play [--topic kv-cache,moe] [--rounds 5] [--difficulty 2-4] [--seconds 20]';
const FLAGS = { topic: 'string', rounds: 'string', difficulty: 'string', seconds: 'string' } as const;

/** One line typed by the player, or why there is none. */
export type TypedLine = { line: string } | 'timeout' | 'eof';

/** Reads a line before `deadlineMs` (epoch ms). */
export type LineReader = (prompt: string, deadlineMs: number) => Promise<TypedLine>;

/**
 * Plays a solo quiz in a terminal: the engine posts questions and results through `write`, the
 * player types a letter (or a number), rounds close on their timer or as soon as the answer is in.
 * End of input stops the quiz.
 */
export async function playQuiz(options: {
  store: Store;
  questions: QuestionSource;
  clock: Clock;
  settings: Partial<QuizSettings>;
  player: { id: string; name: string };
  read: LineReader;
  write: (text: string) => void;
}): Promise<void> {
  const { store, clock, player, read, write } = options;
  const messenger = createRecordingMessenger((sent) => write(`\n${replyToPlainText(sent.reply)}\n`));
  const engine = createQuizEngine({
    store,
    questions: options.questions,
    messenger,
    clock,
    random: systemRandom,
  });
  const { quiz: lobby } = await engine.open({
    platform: 'cli',
    channelId: 'terminal',
    host: player,
    settings: { gapMs: 0, ...options.settings },
  });
  await engine.begin(lobby.id, player);
  for (;;) {
    const quiz = await store.quiz.getQuiz(lobby.id);
    if (!quiz || quiz.endedAt !== null) return;
    const now = clock.now().getTime();
    if (quiz.phase !== 'question') {
      await sleep(Math.max(0, quiz.phaseEndsAt - now + 1));
      await engine.tick();
      continue;
    }
    const { question } = (await store.quiz.getRound(quiz.id, quiz.round))!;
    const ask =
      question.kind === 'numeric'
        ? `Your answer in ${question.answer.unit}: `
        : `Your answer (${question.choices.map((_, i) => String.fromCharCode(65 + i)).join('/')}): `;
    const typed = await read(ask, quiz.phaseEndsAt + 1);
    if (typed === 'eof') {
      await engine.stop(quiz.id, player);
      return;
    }
    if (typed === 'timeout') {
      write('\nTime is up.\n');
      await engine.tick();
      continue;
    }
    const answer = toAnswer(typed.line, question.kind === 'numeric' ? undefined : question.choices.length);
    if (answer === undefined) {
      write(question.kind === 'numeric' ? 'Type a number.\n' : 'Type one of the letters shown.\n');
      continue;
    }
    const result = await engine.answer({ quizId: quiz.id, round: quiz.round, userId: player.id, answer });
    if (!result.accepted) write(`Not counted (${result.reason}).\n`);
  }
}

/** A letter (or 1-based number) for `choices` choices, or a number for numeric rounds. */
function toAnswer(text: string, choices: number | undefined): string | undefined {
  const t = text.trim();
  if (choices === undefined) {
    const value = parseNumber(t);
    return value === undefined ? undefined : String(value);
  }
  const index = /^[a-z]$/i.test(t) ? t.toUpperCase().charCodeAt(0) - 65 : /^\d$/.test(t) ? Number(t) - 1 : -1;
  return index >= 0 && index < choices ? String(index) : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lines of stdin as a {@link LineReader}; lines typed ahead are kept for the next rounds. */
function stdinReader(write: (text: string) => void): { read: LineReader; close(): void } {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines: string[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  rl.on('line', (line) => {
    lines.push(line);
    wake?.();
  });
  rl.on('close', () => {
    ended = true;
    wake?.();
  });
  const read: LineReader = async (prompt, deadlineMs) => {
    write(prompt);
    for (;;) {
      const line = lines.shift();
      if (line !== undefined) return { line };
      if (ended) return 'eof';
      const left = deadlineMs - Date.now();
      if (left <= 0) return 'timeout';
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  };
  return { read, close: () => rl.close() };
}

/** `mlsys quiz play`: a solo quiz in the terminal on a temporary SQLite store. */
export const quizPlayExtra: CliExtra = {
  path: ['quiz', 'play'],
  summary: 'Play a solo quiz in the terminal: [--topic] [--rounds] [--difficulty] [--seconds]',
  async run(args, out) {
    const flags = parseFlags(args, FLAGS, USAGE);
    const text = [
      flags.topic === undefined ? '' : `topic=${flags.topic}`,
      ...(['rounds', 'difficulty', 'seconds'] as const).flatMap((k) =>
        flags[k] === undefined ? [] : [`${k}=${flags[k]}`],
      ),
    ].join(' ');
    const settings = await settingsFromText(text);
    const questions = await corpusQuizQuestions();
    const store = await createTemporaryStore();
    const write = (s: string) => out.stdout.write(s);
    const input = stdinReader(write);
    try {
      await playQuiz({
        store,
        questions,
        clock: systemClock,
        settings,
        // biome-ignore lint/complexity/useLiteralKeys: process.env is an index signature
        player: { id: 'terminal', name: process.env['USER'] ?? 'you' },
        read: input.read,
        write,
      });
      return 0;
    } finally {
      input.close();
      await store.close();
    }
  },
};

/** The same option parsing as `/quiz start`, so the terminal and the bots agree. */
async function settingsFromText(text: string): Promise<Partial<QuizSettings>> {
  const { allCommands, parseInput, resolveCommand } = await import('@mlsys/core');
  const quiz = allCommands.find((c) => c.name === 'quiz');
  if (!quiz) throw new UserError('cli/no-quiz', 'This build has no quiz command.');
  const { spec, path, text: rest } = resolveCommand(quiz, `start ${text}`);
  const input = parseInput(spec, rest, path) as Record<string, unknown>;
  const settings: Partial<QuizSettings> = {};
  if (Array.isArray(input.topic)) settings.topics = input.topic as string[];
  if (typeof input.rounds === 'number') settings.rounds = input.rounds;
  if (input.difficulty) settings.difficulty = input.difficulty as QuizSettings['difficulty'];
  if (typeof input.seconds === 'number') settings.roundMs = input.seconds * 1000;
  return settings;
}
