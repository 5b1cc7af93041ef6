import { webApi } from '@slack/bolt';
import type { SlackMessage } from '../render/block-kit-types.js';
import type { WebClient } from './web-client.js';

/** The message-metadata event type that marks a keyed post (Slack "Message metadata"). */
export const KEYED_POST_EVENT = 'mlsys_keyed_post';

/** Latest messages of a channel searched for a keyed post (a few minutes of a busy channel). */
const HISTORY_SCAN = 200;
/** Post attempts before giving up on a channel that keeps failing. */
const ATTEMPTS = 3;
/** The longest `Retry-After` waited for inside one post, s; longer and the caller retries later. */
const MAX_RETRY_AFTER_S = 60;

/** The two clients of posts: reads may retry; a post never retries on its own. */
export interface PostClients {
  /** Any client (its retries are harmless: `conversations.history` is a read). */
  reader: WebClient;
  /** A client with automatic retries off and rate-limited calls rejected (see {@link createSlackBot}). */
  poster: WebClient;
}

/**
 * Finds the bot's message carrying `key` in its metadata among the channel's latest messages
 * (`conversations.history` with `include_all_metadata`; needs `channels:history`/`groups:history`).
 *
 * @returns the message `ts`, or undefined when none is found or the history cannot be read.
 */
export async function findKeyedPost(
  client: WebClient,
  channel: string,
  key: string,
  onError: (error: unknown) => void,
): Promise<string | undefined> {
  try {
    const history = await client.conversations.history({
      channel,
      limit: HISTORY_SCAN,
      include_all_metadata: true,
    });
    const match = history.messages?.find(
      (m) =>
        m.metadata?.event_type === KEYED_POST_EVENT &&
        (m.metadata.event_payload as { key?: unknown } | undefined)?.key === key,
    );
    return match?.ts;
  } catch (error) {
    // Not invited to the channel (`not_in_channel`), or the scope is missing: post without the check.
    onError(error);
    return undefined;
  }
}

/**
 * Posts `message` at most once: `chat.postMessage` has no idempotency key of its own, so a post whose
 * response was lost (the connection dropped after Slack committed it) is never resent blindly. With
 * a `key`, each attempt first looks for a message carrying the key and returns it if found, then
 * posts with the key in the message's metadata; without one, a lost response is an error. Rate
 * limits (nothing was posted) wait `Retry-After`, up to a minute, and try again.
 *
 * @returns the message `ts`.
 * @throws the platform error of a refused post (e.g. `channel_not_found`), a transport error of an
 *   unkeyed post, or the last transport error of a keyed one after {@link ATTEMPTS} attempts.
 */
export async function postOnce(
  clients: PostClients,
  channel: string,
  message: SlackMessage,
  key: string | undefined,
  onError: (error: unknown) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<string> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (key !== undefined) {
      const earlier = await findKeyedPost(clients.reader, channel, key, onError);
      if (earlier !== undefined) return earlier;
    }
    try {
      const result = await clients.poster.chat.postMessage({
        channel,
        ...message,
        ...(key === undefined ? {} : { metadata: { event_type: KEYED_POST_EVENT, event_payload: { key } } }),
        unfurl_links: false,
      });
      if (!result.ts) throw new Error('chat.postMessage returned no ts');
      return result.ts;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === webApi.ErrorCode.RateLimitedError) {
        const seconds = (error as webApi.WebAPIRateLimitedError).retryAfter;
        if (seconds > MAX_RETRY_AFTER_S) throw error;
        await sleep(seconds * 1000);
      } else if (
        key === undefined ||
        (code !== webApi.ErrorCode.RequestError && code !== webApi.ErrorCode.HTTPError)
      ) {
        throw error;
      }
      lastError = error;
    }
  }
  throw lastError;
}
