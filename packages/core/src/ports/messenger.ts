import type { Platform } from '../commands/invocation.js';
import type { Reply } from '../reply/reply.js';

/** A channel on a platform: ids are unique per platform only. */
export interface ChannelRef {
  platform: Platform;
  channelId: string;
}

/** A message the bot posted, so it can be updated later (Slack `ts`, Discord message id). */
export interface MessageRef extends ChannelRef {
  messageId: string;
}

/** How a message is posted. */
export interface PostOptions {
  /**
   * Idempotency key, unique within the channel (e.g. `daily/question/2026-11-24`): the messenger
   * marks the message with it, so a post retried after a lost response, or sent again by an instance
   * taking over a dead one's claim, can be recognised instead of sent twice. How far back a platform
   * can recognise it differs (Slack: the channel's recent history; Discord: a few minutes).
   */
  key?: string;
  /**
   * Epoch ms since which an earlier attempt under `key` may have reached the channel (the claim
   * being taken over): the messenger looks for that message before posting. Absent for a first
   * attempt, which needs no lookup.
   */
  since?: number;
}

/**
 * Pushes messages that no command asked for: a quiz round opening or closing on a timer, the daily
 * question. Each platform adapter implements it over its API; tests use
 * {@link createRecordingMessenger} from `messenger-recording.ts`.
 */
export interface Messenger {
  /** Posts a public message in a channel; with a `key`, at most once per key (see {@link PostOptions}). */
  post(channel: ChannelRef, reply: Reply, options?: PostOptions): Promise<MessageRef>;
  /** Replaces the content of a message the bot posted earlier. */
  update(message: MessageRef, reply: Reply): Promise<void>;
  /** Shows a message to one user in a channel only. */
  ephemeral(channel: ChannelRef, userId: string, reply: Reply): Promise<void>;
}
