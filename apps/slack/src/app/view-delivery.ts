import type { Dispatched, Reply } from '@mlsys/core';
import { markupToPlain } from '@mlsys/core';
import type { ListenerContext } from './listener-context.js';
import { renderForSlack, sendWithFallback } from './slack-messenger.js';
import type { WebClient } from './web-client.js';

/** Characters of an error shown under a form field; Slack shows a short line there. */
const FIELD_ERROR_MAX = 150;

/** The acknowledgement that shows a user error under a form field and keeps the form open. */
export function formError(field: string, reply: Reply) {
  const text = markupToPlain(reply.fallbackText);
  return {
    response_action: 'errors' as const,
    errors: { [field]: text.length <= FIELD_ERROR_MAX ? text : `${text.slice(0, FIELD_ERROR_MAX - 1)}…` },
  };
}

/**
 * Delivers the reply to a form submission (which has no `response_url`): ephemeral replies with
 * `chat.postEphemeral` to the user in the form's channel, public ones with `chat.postMessage`.
 */
export async function deliverFromView(
  client: WebClient,
  context: ListenerContext,
  dispatched: Dispatched,
  channel: string,
  userId: string,
): Promise<void> {
  const { reply } = dispatched;
  const rendered = await renderForSlack(client, reply, (error) =>
    context.log('slack: chart upload failed', { error }),
  );
  await sendWithFallback(rendered, async (message) => {
    if (reply.visibility === 'public')
      await client.chat.postMessage({ channel, ...message, unfurl_links: false });
    else await client.chat.postEphemeral({ channel, user: userId, ...message });
  });
}
