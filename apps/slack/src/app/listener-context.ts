import type { Caller, Dispatched, Reply, Router } from '@mlsys/core';
import type { RespondFn } from '@slack/bolt';
import type { SlackMessage } from '../render/block-kit-types.js';
import type { AdminRule } from './admin-rule.js';
import { renderForSlack, sendWithFallback } from './slack-messenger.js';
import type { WebClient } from './web-client.js';

/** What every listener of the Slack app works with. */
export interface ListenerContext {
  router: Router;
  admin: AdminRule;
  /**
   * How long a listener waits for the core before acknowledging without an answer, ms. Slack allows
   * 3 s (Bolt's HTTP receiver answers 3001 ms after an unacknowledged request); 2 s leaves room.
   */
  ackBudgetMs: number;
  log(message: string, fields: Record<string, unknown>): void;
}

/** Bolt's default: respond within 3 s. Source: shared/reference/quiz-and-platforms.md (Slack). */
export const DEFAULT_ACK_BUDGET_MS = 2000;

/** The value of `work` if it settles within `ms`, else undefined (the work goes on). */
export async function settleWithin<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The core's caller for a Slack user, with the admin rule applied in that channel. */
export async function slackCaller(
  context: ListenerContext,
  user: { id: string; name?: string | undefined; username?: string | undefined },
  channelId: string | undefined,
): Promise<Caller> {
  return {
    id: user.id,
    name: user.name ?? user.username ?? user.id,
    isAdmin: await context.admin.isAdmin(user.id, channelId),
  };
}

/** A Slack message as a `response_url` payload: public replies go to the channel, others to the user. */
export function toResponse(reply: Reply, message: SlackMessage) {
  return {
    response_type: reply.visibility === 'public' ? ('in_channel' as const) : ('ephemeral' as const),
    replace_original: false,
    ...message,
  };
}

/** Sends a finished reply through a `response_url`, charts uploaded first. */
export async function respondWith(
  client: WebClient,
  respond: RespondFn,
  dispatched: Dispatched,
  context: ListenerContext,
): Promise<void> {
  const { reply } = dispatched;
  const rendered = await renderForSlack(client, reply, (error) =>
    context.log('slack: chart upload failed', { error }),
  );
  await sendWithFallback(rendered, async (message) => {
    await respond(toResponse(reply, message));
  });
}
