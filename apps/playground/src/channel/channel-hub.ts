import type { ChannelRef, MessageRef, Messenger, PostOptions, Reply } from '@mlsys/core';
import { replyToHtml } from '../render/reply-to-html.js';

/** Who wrote a message in the playground channel. */
export interface Author {
  id: string;
  name: string;
  bot: boolean;
}

/** One message in a playground channel, as the page shows it. */
export interface ChannelMessage {
  id: string;
  channelId: string;
  author: Author;
  /** Epoch ms on the bot's clock. */
  at: number;
  html: string;
  /** Plain text of the message, for tests and screen readers. */
  text: string;
  /** Only this user sees the message. */
  visibleTo?: string;
}

/** What a page connection receives: a new message, or a new version of one. */
export type ChannelEvent = { type: 'message' | 'update'; message: ChannelMessage };

/** A page connection listening to a channel as one user. */
export interface Listener {
  channelId: string;
  userId: string;
  send(event: ChannelEvent): void;
}

/** The playground's channels: message history and live delivery; the bot's {@link Messenger} here. */
export interface ChannelHub extends Messenger {
  /** Adds what a user typed, as the user. */
  postAsUser(channelId: string, author: Author, text: string): ChannelMessage;
  /** Adds a bot reply; ephemeral replies are seen only by `forUserId`. */
  postReply(channelId: string, reply: Reply, forUserId: string): ChannelMessage;
  /** Messages of a channel that `userId` may see, oldest first. */
  history(channelId: string, userId: string): ChannelMessage[];
  /** Starts live delivery to a listener; returns the function that stops it. */
  listen(listener: Listener): () => void;
}

/** Most messages kept per channel; older ones drop off the page. */
export const HISTORY_LIMIT = 500;

const BOT: Author = { id: 'mlsys-bot', name: 'mlsys-bot', bot: true };

/** Creates an in-memory channel hub reading the time from `now` (the bot's clock). */
export function createChannelHub(now: () => number): ChannelHub {
  const channels = new Map<string, ChannelMessage[]>();
  const listeners = new Set<Listener>();
  /** Message ids of keyed posts, by channel and key (see `PostOptions.key`). */
  const keyed = new Map<string, string>();
  let nextId = 1;

  const messagesOf = (channelId: string) => {
    let list = channels.get(channelId);
    if (!list) {
      list = [];
      channels.set(channelId, list);
    }
    return list;
  };

  function add(message: Omit<ChannelMessage, 'id' | 'at'>): ChannelMessage {
    const full: ChannelMessage = { id: `m${nextId++}`, at: now(), ...message };
    const list = messagesOf(full.channelId);
    list.push(full);
    if (list.length > HISTORY_LIMIT) list.splice(0, list.length - HISTORY_LIMIT);
    deliver({ type: 'message', message: full });
    return full;
  }

  function deliver(event: ChannelEvent): void {
    for (const listener of listeners) {
      if (listener.channelId !== event.message.channelId) continue;
      if (event.message.visibleTo !== undefined && event.message.visibleTo !== listener.userId) continue;
      listener.send(event);
    }
  }

  const fromReply = (channelId: string, reply: Reply) => ({
    channelId,
    author: BOT,
    html: replyToHtml(reply),
    text: reply.fallbackText,
  });

  return {
    postAsUser: (channelId, author, text) => add({ channelId, author, html: '', text }),
    postReply: (channelId, reply, forUserId) =>
      add(
        reply.visibility === 'ephemeral'
          ? { ...fromReply(channelId, reply), visibleTo: forUserId }
          : fromReply(channelId, reply),
      ),
    history: (channelId, userId) =>
      messagesOf(channelId).filter(
        (message) => message.visibleTo === undefined || message.visibleTo === userId,
      ),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async post(channel: ChannelRef, reply: Reply, options?: PostOptions): Promise<MessageRef> {
      const key = options?.key === undefined ? undefined : `${channel.channelId}\0${options.key}`;
      const earlier = key === undefined ? undefined : keyed.get(key);
      if (earlier !== undefined) return { ...channel, messageId: earlier };
      const message = add(fromReply(channel.channelId, { ...reply, visibility: 'public' }));
      if (key !== undefined) keyed.set(key, message.id);
      return { ...channel, messageId: message.id };
    },
    async update(ref: MessageRef, reply: Reply): Promise<void> {
      const list = messagesOf(ref.channelId);
      const index = list.findIndex((message) => message.id === ref.messageId);
      if (index < 0) return;
      const updated: ChannelMessage = { ...list[index]!, html: replyToHtml(reply), text: reply.fallbackText };
      list[index] = updated;
      deliver({ type: 'update', message: updated });
    },
    async ephemeral(channel: ChannelRef, userId: string, reply: Reply): Promise<void> {
      add({ ...fromReply(channel.channelId, { ...reply, visibility: 'ephemeral' }), visibleTo: userId });
    },
  };
}
