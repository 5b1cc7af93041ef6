import type { RequestListener } from 'node:http';
import type { Messenger, Router } from '@mlsys/core';
import { type AnyMiddlewareArgs, App, HTTPReceiver, LogLevel, type Middleware, webApi } from '@slack/bolt';
import { listenToActions } from './action-listener.js';
import { createAdminRule } from './admin-rule.js';
import { listenToCommandForms } from './command-forms.js';
import { listenToCommands } from './command-listener.js';
import { listenToHome } from './home-listener.js';
import { DEFAULT_ACK_BUDGET_MS, type ListenerContext } from './listener-context.js';
import { createRecentIds } from './recent-ids.js';
import { createSlackMessenger } from './slack-messenger.js';
import { guardTimestamps } from './timestamp-guard.js';

/** How the Slack app connects; from the environment (`apps/playground/src/env.ts`). */
export interface SlackBotConfig {
  /** `xoxb-…` bot token. */
  botToken: string;
  /** HTTP mode: the app's signing secret. */
  signingSecret?: string;
  /** Socket Mode: an app-level `xapp-…` token with `connections:write`; used when no signing secret. */
  appToken?: string;
  /** Another Web API base (tests: a local fake), e.g. `http://127.0.0.1:4000/api/`. */
  apiUrl?: string;
  /** Retries of Web API calls; Bolt's default (ten over about half an hour) when absent. */
  retryConfig?: { retries: number; minTimeout?: number; maxTimeout?: number; factor?: number };
  /** See {@link ListenerContext.ackBudgetMs}. */
  ackBudgetMs?: number;
  log?: (message: string, fields: Record<string, unknown>) => void;
}

/** The Slack side of the bot. */
export interface SlackBot {
  readonly mode: 'http' | 'socket';
  /** Posts timer-driven messages (quiz rounds, daily questions) to Slack. */
  readonly messenger: Messenger;
  /**
   * HTTP mode: serves `POST /slack/events` (commands, actions, view submissions, events), with
   * signatures and timestamps checked; mount it on the bot's HTTP server. Undefined in Socket Mode.
   */
  readonly requestListener: RequestListener | undefined;
  /** Registers the listeners over the core; then starts the Socket Mode connection, if any. */
  start(core: { router: Router }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Creates the Slack app on Bolt: HTTP mode when a signing secret is given (Bolt's own HTTP receiver,
 * default path `/slack/events`), Socket Mode with an app token otherwise. A delivery seen before
 * (Slack retries events; the same `trigger_id` or `event_id` twice) is acknowledged and dropped.
 *
 * @throws Error when neither a signing secret nor an app token is given.
 */
export function createSlackBot(config: SlackBotConfig): SlackBot {
  const log = config.log ?? ((message, fields) => console.error(message, fields));
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    ...(config.retryConfig ? { retryConfig: config.retryConfig } : {}),
  };
  // No conversation store: nothing reads `context.conversation`, and it costs every request a lookup.
  const appOptions = { clientOptions, logLevel: LogLevel.ERROR, convoStore: false as const };
  let app: App;
  let receiver: HTTPReceiver | undefined;
  if (config.signingSecret) {
    receiver = new HTTPReceiver({ signingSecret: config.signingSecret, logLevel: LogLevel.ERROR });
    app = new App({ token: config.botToken, receiver, ...appOptions });
  } else if (config.appToken) {
    app = new App({
      token: config.botToken,
      appToken: config.appToken,
      socketMode: true,
      ...appOptions,
    });
  } else {
    throw new Error('Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)');
  }
  app.error(async (error) => log('slack: listener failed', { error }));
  // Posts must not be resent blindly by the client's own retries (a lost response is not a lost post).
  const poster = new webApi.WebClient(config.botToken, {
    ...clientOptions,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
  const messenger = createSlackMessenger({ reader: app.client, poster }, (error) =>
    log('slack: messenger step failed', { error }),
  );
  return {
    mode: receiver ? 'http' : 'socket',
    messenger,
    requestListener: receiver ? guardTimestamps(receiver.requestListener) : undefined,
    async start(core) {
      const context: ListenerContext = {
        router: core.router,
        admin: createAdminRule(app.client),
        ackBudgetMs: config.ackBudgetMs ?? DEFAULT_ACK_BUDGET_MS,
        log,
      };
      app.use(dropRepeats());
      listenToCommands(app, context);
      listenToCommandForms(app, context);
      listenToActions(app, context);
      listenToHome(app, context);
      if (!receiver) await app.start();
    },
    async stop() {
      if (!receiver) await app.stop();
    },
  };
}

/** Middleware that acknowledges and drops a delivery whose `event_id` or `trigger_id` was seen. */
function dropRepeats(): Middleware<AnyMiddlewareArgs> {
  const recent = createRecentIds();
  return async (args) => {
    const body = args.body as { event_id?: unknown; trigger_id?: unknown };
    const id = typeof body.event_id === 'string' ? body.event_id : body.trigger_id;
    if (typeof id === 'string' && !recent.firstTime(id)) {
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await args.next();
  };
}
