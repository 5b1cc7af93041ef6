import { join } from 'node:path';
import { createRecordingMessenger, replyToPlainText, type Services } from '@mlsys/core';
import { createStore } from '@mlsys/store';
import type { CliOutput } from '../run-cli.js';
import { corpusQuizQuestions } from './quiz-questions.js';

/** Commands that need a store and questions. */
const NEEDS_STORE = new Set(['quiz', 'daily', 'question', 'leaderboard', 'stats', 'review']);

/**
 * The store, questions and a printing messenger for the bot commands that need them (`mlsys quiz
 * status`, …): PostgreSQL when DATABASE_URL is set, else `<MLSYS_DATA_DIR or ./data>/mlsys.db`
 * (SQLite, locked while this process runs). Other commands get nothing and open nothing.
 */
export async function storeServicesFor(
  command: string,
  out: CliOutput,
): Promise<{ services: Partial<Services>; close(): Promise<void> } | undefined> {
  if (!NEEDS_STORE.has(command.toLowerCase())) return undefined;
  const env = process.env;
  // biome-ignore lint/complexity/useLiteralKeys: process.env is an index signature
  const url = env['DATABASE_URL'] ?? `sqlite:${join(env['MLSYS_DATA_DIR'] ?? 'data', 'mlsys.db')}`;
  const [store, questions] = await Promise.all([createStore({ url }), corpusQuizQuestions()]);
  const messenger = createRecordingMessenger((sent) =>
    out.stdout.write(`${replyToPlainText(sent.reply)}\n\n`),
  );
  return { services: { store, questions, messenger }, close: () => store.close() };
}
