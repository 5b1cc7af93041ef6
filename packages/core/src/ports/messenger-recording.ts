import type { Reply } from '../reply/reply.js';
import type { ChannelRef, MessageRef, Messenger } from './messenger.js';

/** One call a {@link RecordingMessenger} received, in order. */
export type SentMessage =
  | { kind: 'post'; channel: ChannelRef; messageId: string; reply: Reply }
  | { kind: 'update'; message: MessageRef; reply: Reply }
  | { kind: 'ephemeral'; channel: ChannelRef; userId: string; reply: Reply };

/** A {@link Messenger} that keeps every payload in memory: the fake for tests and simulations. */
export interface RecordingMessenger extends Messenger {
  readonly sent: readonly SentMessage[];
  /** Forgets what was recorded so far. */
  clear(): void;
}

/**
 * Creates a messenger that records instead of sending; message ids are `m1`, `m2`, … in post order.
 * A keyed post whose key was posted in the channel before returns that message and records nothing
 * (whether or not `since` asks for a lookup: the recording is the platform's memory).
 *
 * @param onSend Called with every payload as it is recorded (the CLI prints them).
 */
export function createRecordingMessenger(onSend?: (message: SentMessage) => void): RecordingMessenger {
  const sent: SentMessage[] = [];
  let posted = 0;
  const byKey = new Map<string, MessageRef>();
  const record = (message: SentMessage) => {
    sent.push(message);
    onSend?.(message);
  };
  return {
    sent,
    clear: () => {
      sent.length = 0;
    },
    post: async (channel, reply, options) => {
      const keyed =
        options?.key === undefined ? undefined : `${channel.platform}:${channel.channelId}:${options.key}`;
      const earlier = keyed === undefined ? undefined : byKey.get(keyed);
      if (earlier) return earlier;
      const messageId = `m${++posted}`;
      record({ kind: 'post', channel, messageId, reply });
      const ref = { ...channel, messageId };
      if (keyed !== undefined) byKey.set(keyed, ref);
      return ref;
    },
    update: async (message, reply) => record({ kind: 'update', message, reply }),
    ephemeral: async (channel, userId, reply) => record({ kind: 'ephemeral', channel, userId, reply }),
  };
}
