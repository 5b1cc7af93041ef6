import {
  type AnyCommand,
  allCommands,
  botActions,
  createDailyScheduler,
  createListQuestionSource,
  createManualClock,
  createQuizEngine,
  createRouter,
  createSeededRandom,
  type ManualClock,
  type QuizQuestion,
  type Router,
} from '@mlsys/core';
import { createMemoryStore, sampleCorpus } from '@mlsys/core/testing';
import { createDiscordBot, type DiscordBot } from '../app/create-discord-bot.js';
import { type FakeDiscord, startFakeDiscord } from './fake-discord.js';

/** The test application's id. */
export const APPLICATION_ID = '2000';

/** discord.js against a fake gateway and REST API, and the core over an in-memory store. */
export interface DiscordHarness {
  discord: FakeDiscord;
  bot: DiscordBot;
  router: Router;
  clock: ManualClock;
  tick(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the harness; `questions` are what quizzes draw; `extra` commands are added to the bot's. */
export async function startDiscordHarness(
  questions: readonly QuizQuestion[],
  options: { extra?: readonly AnyCommand[]; ackBudgetMs?: number } = {},
): Promise<DiscordHarness> {
  const discord = await startFakeDiscord(APPLICATION_ID);
  const clock = createManualClock(Date.parse('2026-03-02T09:00:00Z'));
  const store = createMemoryStore();
  const source = createListQuestionSource(questions);
  const random = createSeededRandom(7);
  const bot = createDiscordBot({
    token: 'test-token',
    apiUrl: discord.apiUrl,
    ...(options.ackBudgetMs !== undefined ? { ackBudgetMs: options.ackBudgetMs } : {}),
    log: () => {},
  });
  const corpus = sampleCorpus();
  const services = { clock, random, store, messenger: bot.messenger, questions: source, corpus };
  const router = createRouter({
    commands: [...allCommands, ...(options.extra ?? [])],
    actions: botActions,
    services,
    logger: { error: () => {} },
  });
  const engine = createQuizEngine({ store, questions: source, messenger: bot.messenger, clock, random });
  const daily = createDailyScheduler({ store, corpus, messenger: bot.messenger, clock, onError: () => {} });
  await bot.start({
    router,
    completions: { model: () => ['llama-3.1-8b', 'llama-3.1-70b', 'mixtral-8x7b'] },
  });
  return {
    discord,
    bot,
    router,
    clock,
    tick: async () => {
      await engine.tick();
      await daily.tick();
    },
    close: async () => {
      await bot.stop();
      await discord.close();
    },
  };
}
