import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from '@mlsys/core';
import { createSlackBot, type SlackBot, type SlackBotConfig } from '../app/create-slack-bot.js';
import type { FakeSlackApi } from './fake-slack-api.js';

/** The signing secret of the test app. */
export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** The Slack app served over HTTP on 127.0.0.1, as tests and the bench drive it. */
export interface ServedSlackBot {
  bot: SlackBot;
  router: Router;
  /** `POST /slack/events` URL of the app. */
  eventsUrl: string;
  /** Closes the HTTP server (open keep-alive connections too) and stops the bot. */
  close(): Promise<void>;
}

/** What {@link serveSlackBot} needs: the fake Web API, and the core's router over the bot's messenger. */
export interface ServeOptions {
  api: FakeSlackApi;
  router: (bot: SlackBot) => Router;
  log?: SlackBotConfig['log'];
  ackBudgetMs?: number;
}

/**
 * Starts the Slack app in HTTP mode on Bolt's real receiver (signed with {@link TEST_SIGNING_SECRET},
 * Web API calls to the fake, two quick retries) and serves it on an ephemeral port of 127.0.0.1.
 */
export async function serveSlackBot(options: ServeOptions): Promise<ServedSlackBot> {
  const bot = createSlackBot({
    botToken: 'xoxb-test',
    signingSecret: TEST_SIGNING_SECRET,
    apiUrl: options.api.apiUrl,
    retryConfig: { retries: 2, minTimeout: 5, maxTimeout: 5 },
    log: options.log ?? (() => {}),
    ...(options.ackBudgetMs === undefined ? {} : { ackBudgetMs: options.ackBudgetMs }),
  });
  const router = options.router(bot);
  await bot.start({ router });
  const server: Server = createServer(bot.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    bot,
    router,
    eventsUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bot.stop();
    },
  };
}
