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
import type { SlackBot } from '../app/create-slack-bot.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
import { serveSlackBot, TEST_SIGNING_SECRET } from './serve-slack-bot.js';
import { commandBody, payloadBody, postSigned, type SigningOptions } from './signed-request.js';

export { TEST_SIGNING_SECRET } from './serve-slack-bot.js';
export { findButton, pressButton } from './slack-buttons.js';

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
  const corpus = sampleCorpus();
  const served = await serveSlackBot({
    api,
    router: (bot) =>
      createRouter({
        commands: allCommands,
        actions: botActions,
        services: { clock, random, store, messenger: bot.messenger, questions: source, corpus },
        logger: { error: () => {} },
      }),
  });
  const { bot, router, eventsUrl } = served;
  const engine = createQuizEngine({
    store,
    questions: source,
    messenger: bot.messenger,
    clock,
    random,
    onError: () => {},
  });
  const daily = createDailyScheduler({ store, corpus, messenger: bot.messenger, clock, onError: () => {} });
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
      await served.close();
      await api.close();
    },
  };
}
