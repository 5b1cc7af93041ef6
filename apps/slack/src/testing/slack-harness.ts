import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
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
import { createSlackBot, type SlackBot } from '../app/create-slack-bot.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
import { commandBody, payloadBody, postSigned, type SigningOptions } from './signed-request.js';

/** The signing secret of the test app. */
export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** The Slack app on Bolt's real HTTP receiver, a fake Web API, and the core over an in-memory store. */
export interface SlackHarness {
  api: FakeSlackApi;
  bot: SlackBot;
  router: Router;
  clock: ManualClock;
  /** `POST /slack/events` URL of the app. */
  eventsUrl: string;
  /** Runs the quiz and daily timers once at the clock's now. */
  tick(): Promise<void>;
  /** Posts a signed slash command; fields override the defaults of {@link commandBody}. */
  command(fields: Record<string, string>, signing?: Partial<SigningOptions>): Promise<Response>;
  /** Posts a signed interactivity payload. */
  interact(payload: unknown, signing?: Partial<SigningOptions>): Promise<Response>;
  /** Posts a signed Events API callback. */
  event(body: unknown, signing?: Partial<SigningOptions>): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the harness; `questions` are what quizzes draw. */
export async function startSlackHarness(questions: readonly QuizQuestion[]): Promise<SlackHarness> {
  const api = await startFakeSlackApi();
  const clock = createManualClock(Date.parse('2026-03-02T09:00:00Z'));
  const store = createMemoryStore();
  const source = createListQuestionSource(questions);
  const random = createSeededRandom(7);
  const bot = createSlackBot({
    botToken: 'xoxb-test',
    signingSecret: TEST_SIGNING_SECRET,
    apiUrl: api.apiUrl,
    retryConfig: { retries: 2, minTimeout: 5, maxTimeout: 5 },
    log: () => {},
  });
  const corpus = sampleCorpus();
  const services = { clock, random, store, messenger: bot.messenger, questions: source, corpus };
  const router = createRouter({
    commands: allCommands,
    actions: botActions,
    services,
    logger: { error: () => {} },
  });
  const engine = createQuizEngine({
    store,
    questions: source,
    messenger: bot.messenger,
    clock,
    random,
    onError: () => {},
  });
  const daily = createDailyScheduler({ store, corpus, messenger: bot.messenger, clock, onError: () => {} });
  await bot.start({ router });
  const server: Server = createServer(bot.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  const form = 'application/x-www-form-urlencoded';
  const sign = (signing: Partial<SigningOptions> = {}) => ({ secret: TEST_SIGNING_SECRET, ...signing });
  return {
    api,
    bot,
    router,
    clock,
    eventsUrl,
    tick: async () => {
      await engine.tick();
      await daily.tick();
    },
    command: (fields, signing) =>
      postSigned(
        eventsUrl,
        commandBody({ response_url: api.responseUrl('cmd'), ...fields }),
        form,
        sign(signing),
      ),
    interact: (payload, signing) => postSigned(eventsUrl, payloadBody(payload), form, sign(signing)),
    event: (body, signing) => postSigned(eventsUrl, JSON.stringify(body), 'application/json', sign(signing)),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bot.stop();
      await api.close();
    },
  };
}

/** A button of a rendered Slack message, found by its action id prefix (e.g. `quiz:join`). */
export function findButton(blocks: unknown, actionIdPrefix: string): { action_id: string; value: string } {
  for (const block of (blocks ?? []) as {
    type: string;
    elements?: { action_id: string; value: string }[];
  }[]) {
    for (const element of block.elements ?? []) {
      if (element.action_id?.startsWith(actionIdPrefix)) return element;
    }
  }
  throw new Error(`no button ${actionIdPrefix} in ${JSON.stringify(blocks)}`);
}

/** A `block_actions` payload pressing `button` in channel `channel` as `user`. */
export function pressButton(
  button: { action_id: string; value: string },
  user: string,
  channel: string,
  responseUrl: string,
) {
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: '1.1', channel_id: channel, is_ephemeral: false },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    team: { id: 'T1', domain: 'test' },
    channel: { id: channel, name: 'quiz' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: button.action_id,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        value: button.value,
        action_ts: '1.2',
      },
    ],
  };
}
