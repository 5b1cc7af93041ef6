import type { AddressInfo } from 'node:net';
import { allCommands } from '@mlsys/core';
import { createChannelHub } from './channel/channel-hub.js';
import { readEnv } from './env.js';
import { completionSources } from './runtime/completion-sources.js';
import { type BotRuntimeOptions, createBotRuntime } from './runtime/create-bot-runtime.js';
import { createPlatformBots, mountSlack } from './runtime/platform-bots.js';
import { completeLine } from './server/complete-line.js';
import { createOffsetClock, type OffsetClock } from './server/offset-clock.js';
import { createPlaygroundServer } from './server/playground-server.js';

/** How often the bot's timers run (quiz rounds, daily posts), in ms. */
export const TICK_MS = 500;

/** A running bot. */
export interface RunningBot {
  /** The port the playground listens on. */
  port: number;
  /** The platform bots started beside the playground (Slack, Discord), by the tokens set. */
  platforms: string[];
  /** Stops timers and the server. */
  stop(): Promise<void>;
}

/** What tests may replace in a started bot; production passes none. */
export interface StartOverrides extends Pick<BotRuntimeOptions, 'questions' | 'wrapKernels'> {
  /** The bot's clock (a test freezes it so rate-limit refills and retry times are exact). */
  clock?: OffsetClock;
}

/**
 * Starts the bot: the playground on `PORT` (default 3000). Resolves once it listens.
 *
 * @throws Error with a one-line reason when the environment is bad or the port is taken.
 */
export async function startBot(
  environment: Record<string, string | undefined>,
  overrides: StartOverrides = {},
): Promise<RunningBot> {
  const env = readEnv(environment);
  const platforms = createPlatformBots(env);
  const { clock = createOffsetClock(), ...runtimeOverrides } = overrides;
  const hub = createChannelHub(() => clock.now().getTime());
  const runtime = await createBotRuntime({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    clock,
    messengers: { playground: hub, ...platforms.messengers },
    rateLimit: env.RATE_LIMIT === 'on',
    ...(env.KERNEL_TIMEOUT_MS === undefined ? {} : { kernelTimeoutMs: env.KERNEL_TIMEOUT_MS }),
    ...runtimeOverrides,
  });
  const { router } = runtime;
  try {
    await platforms.start(router);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  let ticking: Promise<void> | undefined;
  // One tick at a time: a slow one (many quizzes) is not overlapped by the next.
  // A failed tick (the database unreachable a moment) is logged; the next one tries again.
  const tick = () => {
    ticking ??= runtime
      .tick()
      .catch((error: unknown) => console.error('mlsys-bot: timers failed this tick', error))
      .finally(() => {
        ticking = undefined;
      });
    return ticking;
  };
  /** A tick that starts after now: one already running may have read the clock before it moved. */
  const tickAfterNow = async () => {
    await ticking;
    await tick();
  };
  const server = createPlaygroundServer({
    router,
    hub,
    clock,
    tick: tickAfterNow,
    complete: (text) => completeLine(text, allCommands, completionSources),
    devControls: env.NODE_ENV !== 'production',
  });
  mountSlack(server, platforms.slackListener, env.PLAYGROUND === 'on');
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE' ? `port ${env.PORT} is in use; set PORT to another` : error.message,
        ),
      ),
    );
    server.listen(env.PORT, resolve);
  });
  const timer = setInterval(() => void tick(), TICK_MS);
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    platforms: platforms.started,
    stop: async () => {
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ticking;
      await platforms.stop();
      await runtime.close();
    },
  };
}
