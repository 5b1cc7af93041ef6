import type { Messenger, Reply } from '@mlsys/core';
import { webApi } from '@slack/bolt';
import type { SlackMessage } from '../render/block-kit-types.js';
import { withDeadline } from '../render/deadline-context.js';
import { replyToBlockKit } from '../render/reply-to-block-kit.js';
import { type PostClients, postOnce } from './post-once.js';
import { hasChart, uploadCharts } from './slack-charts.js';
import type { WebClient } from './web-client.js';

/**
 * Renders a reply for Slack, uploading its charts first and adding its deadline, if any. If Slack refuses a message with images (a
 * file not processed yet), {@link withoutImages} gives the same message with charts in words.
 */
export async function renderForSlack(
  client: WebClient,
  reply: Reply,
  onError: (error: unknown) => void,
): Promise<{ message: SlackMessage; withoutImages: SlackMessage }> {
  const withoutImages = withDeadline(replyToBlockKit(reply), reply);
  if (!hasChart(reply)) return { message: withoutImages, withoutImages };
  const chartImages = await uploadCharts(client, reply, onError);
  return { message: withDeadline(replyToBlockKit(reply, { chartImages }), reply), withoutImages };
}

/**
 * Whether Slack answered and refused a message (a Web API `ok: false`, or a `response_url` answering
 * 4xx), so nothing was posted; a lost response (the message may have been posted) is not a refusal.
 */
export function isRefusal(error: unknown): boolean {
  const e = error as { code?: unknown; response?: { status?: unknown } } | null;
  if (e?.code === webApi.ErrorCode.PlatformError) return true;
  const status = e?.response?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Sends `send(message)`; if Slack refuses a message with images (a file not processed yet), once
 * more without them. Any other failure is thrown: the first message may have been posted.
 */
export async function sendWithFallback<T>(
  rendered: { message: SlackMessage; withoutImages: SlackMessage },
  send: (message: SlackMessage) => Promise<T>,
): Promise<T> {
  try {
    return await send(rendered.message);
  } catch (error) {
    if (rendered.message === rendered.withoutImages || !isRefusal(error)) throw error;
    return send(rendered.withoutImages);
  }
}

/**
 * The core's {@link Messenger} over Slack's Web API: `chat.postMessage` (the message `ts` is the
 * message id), `chat.update` and `chat.postEphemeral`. Links are not unfurled. Posts go through
 * {@link postOnce} on `clients.poster` (no automatic retries): at most one message per post, and
 * with a key at most one per key.
 */
export function createSlackMessenger(clients: PostClients, onError: (error: unknown) => void): Messenger {
  const client = clients.reader;
  return {
    async post(channel, reply, options) {
      const rendered = await renderForSlack(client, reply, onError);
      const ts = await sendWithFallback(rendered, (message) =>
        postOnce(clients, channel.channelId, message, options, onError),
      );
      return { ...channel, messageId: ts };
    },
    async update(message, reply) {
      const rendered = await renderForSlack(client, reply, onError);
      await sendWithFallback(rendered, (body) =>
        client.chat.update({ channel: message.channelId, ts: message.messageId, ...body }),
      );
    },
    async ephemeral(channel, userId, reply) {
      const rendered = await renderForSlack(client, reply, onError);
      await sendWithFallback(rendered, (body) =>
        client.chat.postEphemeral({ channel: channel.channelId, user: userId, ...body }),
      );
    },
  };
}
