import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  allCommands,
  botActions,
  type Clock,
  createCorpusQuestionSource,
  createDailyScheduler,
  createQuizEngine,
  createRateLimiter,
  createRouter,
  type KernelRunner,
  type Messenger,
  type Platform,
  type QuestionSource,
  type Router,
  type Services,
  systemRandom,
} from '@mlsys/core';
import { loadBuiltinCorpus } from '@mlsys/corpus';
import { createKernelRunner } from '@mlsys/kernels';
import { createStore } from '@mlsys/store';
import { routeMessenger } from './route-messenger.js';

/** What the runtime needs from its host. */
export interface BotRuntimeOptions {
  /** `postgres://…` for PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  clock: Clock;
  /** Messengers of the platforms this process serves. */
  messengers: Partial<Record<Platform, Messenger>>;
  /** Where quiz questions come from; the shipped corpus unless a test gives a fixed list. */
  questions?: QuestionSource;
  /** Per-user and per-channel token buckets on commands (on unless a load test turns them off). */
  rateLimit?: boolean;
  /** Wall-clock limit of one kernel run, ms, after which its process is killed; the runner's 60 s if absent. */
  kernelTimeoutMs?: number;
  /**
   * Wraps the real kernel runner before the bot uses it (tests count and order runs through it);
   * the runner itself is used when absent.
   */
  wrapKernels?: (runner: KernelRunner) => KernelRunner;
}

/** The bot, independent of any platform: one router, its services, and its timers. */
export interface BotRuntime {
  router: Router;
  services: Services;
  /** Runs every due timer once (quiz rounds and lobbies, daily posts, reveals and leaderboards). */
  tick(): Promise<void>;
  /** Stops the kernel process and closes the store. */
  close(): Promise<void>;
}

/** File name of the embedded database under the data directory. */
export const SQLITE_FILE = 'mlsys.db';

/**
 * Assembles the bot once for every platform in this process: the store (SQLite under `dataDir`
 * unless a PostgreSQL URL is given), the corpus as question source, the kernel runner, and the router
 * with every command and button.
 *
 * @throws UserError when the store cannot be opened (another process holds the SQLite file, a bad URL).
 */
export async function createBotRuntime(options: BotRuntimeOptions): Promise<BotRuntime> {
  let url = options.databaseUrl;
  if (url === undefined) {
    mkdirSync(options.dataDir, { recursive: true });
    url = `sqlite:${join(options.dataDir, SQLITE_FILE)}`;
  }
  const store = await createStore({ url });
  const corpus = await loadBuiltinCorpus();
  const questions = options.questions ?? createCorpusQuestionSource(corpus.questions);
  const runner = createKernelRunner(
    options.kernelTimeoutMs === undefined ? {} : { timeoutMs: options.kernelTimeoutMs },
  );
  const kernels = options.wrapKernels?.(runner) ?? runner;
  const messenger = routeMessenger(options.messengers);
  const services: Services = {
    clock: options.clock,
    random: systemRandom,
    store,
    messenger,
    questions,
    corpus,
    kernels,
  };
  const router = createRouter({
    commands: allCommands,
    actions: botActions,
    services,
    ...(options.rateLimit === false ? {} : { rateLimiter: createRateLimiter() }),
  });
  const quiz = createQuizEngine({ store, questions, messenger, clock: options.clock, random: systemRandom });
  const daily = createDailyScheduler({ store, corpus, messenger, clock: options.clock });
  return {
    router,
    services,
    tick: async () => {
      await quiz.tick();
      await daily.tick();
    },
    close: async () => {
      await kernels.close();
      await store.close();
    },
  };
}
