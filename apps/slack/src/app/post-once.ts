import type { PostOptions } from '@mlsys/core';
import { webApi } from '@slack/bolt';
import type { SlackMessage } from '../render/block-kit-types.js';
import type { WebClient } from './web-client.js';

/** The message-metadata event type that marks a keyed post (Slack "Message metadata"). */
export const KEYED_POST_EVENT = 'mlsys_keyed_post';

/**
 * Messages per `conversations.history` page: commercially distributed apps outside the Slack
 * Marketplace get at most 15 per request and about one request a minute (Slack "Rate limits",
 * changes effective May 29, 2025); internal apps keep Tier 3.
 */
const HISTORY_PAGE = 15;
/** Pages read after the `since` instant (a takeover comes minutes after the claim). */
const HISTORY_PAGES = 5;
/** How far the bot's clock may run ahead of Slack's: the lookup starts this much earlier, s. */
const CLOCK_SKEW_S = 60;
/** Post attempts before giving up on a channel that keeps failing. */
const ATTEMPTS = 3;
/** The longest `Retry-After` waited for inside one post, s; longer and the caller retries later. */
const MAX_RETRY_AFTER_S = 60;

/** The two clients of posts: reads may retry; a post never retries on its own. */
export interface PostClients {
  /** Any client (its retries are harmless: `conversations.history` is a read). */
  reader: WebClient;
  /** A client with automatic retries off and rate-limited calls rejected (see `createSlackBot`). */
  poster: WebClient;
}

/** What a lookup found: the message's `ts`, no such message, or unknown (the history was unreadable). */
export type KeyedLookup = { found: string } | 'absent' | 'unknown';

/**
 * Looks for the bot's message carrying `key` in its metadata among the channel's messages since
 * `sinceMs` (`conversations.history` with `oldest` and `include_all_metadata`; needs
 * `channels:history`/`groups:history`, and the bot in the channel).
 */
export async function findKeyedPost(
  client: WebClient,
  channel: string,
  key: string,
  sinceMs: number,
  onError: (error: unknown) => void,
): Promise<KeyedLookup> {
  try {
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES; page++) {
      const history = await client.conversations.history({
        channel,
        oldest: (Math.floor(sinceMs / 1000) - CLOCK_SKEW_S).toString(),
        limit: HISTORY_PAGE,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
      const match = history.messages?.find(
        (m) =>
          m.metadata?.event_type === KEYED_POST_EVENT &&
          (m.metadata.event_payload as { key?: unknown } | undefined)?.key === key,
      );
      if (match?.ts) return { found: match.ts };
      if (!history.has_more) return 'absent';
      cursor = history.response_metadata?.next_cursor || undefined;
      if (!cursor) return 'unknown';
    }
    return 'unknown';
  } catch (error) {
    // Not in the channel (`not_in_channel`: posting through chat:write.public), or the scope missing.
    onError(error);
    return 'unknown';
  }
}

/**
 * Posts `message` at most once: `chat.postMessage` has no idempotency key of its own, so a post whose
 * response was lost (the connection dropped after Slack committed it) is never resent blindly. With a
 * key, the message carries it in its metadata; an attempt that may repeat an earlier one (`since`
 * given: a takeover; or after a lost response here) first looks the key up and returns the message
 * found. When the history cannot be read, a takeover posts (a missing daily question is worse than a
 * rare double), but a retry after a lost response gives up. Without a key, a lost response is an
 * error. Rate limits (nothing was posted) wait `Retry-After`, up to a minute, and try again.
 *
 * @returns the message `ts`.
 * @throws the platform error of a refused post (e.g. `channel_not_found`), a transport error of an
 *   unkeyed post, or the last transport error of a keyed one.
 */
export async function postOnce(
  clients: PostClients,
  channel: string,
  message: SlackMessage,
  options: PostOptions | undefined,
  onError: (error: unknown) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<string> {
  const key = options?.key;
  let lookFrom = options?.since;
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (key !== undefined && lookFrom !== undefined) {
      const earlier = await findKeyedPost(clients.reader, channel, key, lookFrom, onError);
      if (earlier !== 'absent' && earlier !== 'unknown') return earlier.found;
      if (earlier === 'unknown' && lastError !== undefined) throw lastError;
    }
    const startedAt = Date.now();
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
        continue;
      }
      const lost = code === webApi.ErrorCode.RequestError || code === webApi.ErrorCode.HTTPError;
      if (key === undefined || !lost) throw error;
      lastError = error;
      lookFrom ??= startedAt;
    }
  }
  throw lastError;
}
