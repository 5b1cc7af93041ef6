import {
  allCommands,
  botActions,
  createRouter,
  type Dispatched,
  type Router,
  systemClock,
  systemRandom,
} from '@mlsys/core';
import type { SlackBot } from '../app/create-slack-bot.js';
import type { FakeSlackApi } from '../testing/fake-slack-api.js';
import { type ServedSlackBot, serveSlackBot } from '../testing/serve-slack-bot.js';

/** Counts of what went wrong inside the bot while the bench ran (should stay 0). */
export interface BotErrors {
  /** Router incidents (unexpected errors in commands or actions). */
  incidents: number;
  /** Errors the Slack app logged (listener failures, chart uploads). */
  logged: number;
}

/**
 * The Slack app as the bench drives it: every command and button of the bot over the system clock,
 * no store (commands that need one answer with an error; the bench sends none of them), and no rate
 * limiter, so many requests from one connection are never refused. `withoutCharts` drops chart blocks
 * from every reply: the same replies, minus chart rendering and upload.
 */
export async function serveBenchBot(
  api: FakeSlackApi,
  errors: BotErrors,
  options: { withoutCharts?: boolean } = {},
): Promise<ServedSlackBot> {
  const routerFor = (bot: SlackBot): Router => {
    const router = createRouter({
      commands: allCommands,
      actions: botActions,
      services: { clock: systemClock, random: systemRandom, messenger: bot.messenger },
      logger: { error: () => errors.incidents++ },
    });
    if (!options.withoutCharts) return router;
    const strip = ({ status, reply }: Dispatched): Dispatched => ({
      status,
      reply: { ...reply, blocks: reply.blocks.filter((block) => block.type !== 'chart') },
    });
    return {
      ...router,
      dispatch: async (invocation) => strip(await router.dispatch(invocation)),
      handle: async (invocation) => strip(await router.dispatch(invocation)).reply,
      handleAction: async (action) => strip(await router.handleAction(action)),
    };
  };
  return serveSlackBot({ api, router: routerFor, log: () => errors.logged++ });
}
