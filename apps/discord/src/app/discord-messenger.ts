import { createHash } from 'node:crypto';
import type { Messenger, Reply } from '@mlsys/core';
import { type REST, Routes } from 'discord.js';
import { EPHEMERAL_FLAG } from '../render/limits.js';
import type { DiscordPayload } from './discord-payload.js';
import type { InteractionMemory } from './interaction-memory.js';

/** What the messenger needs besides REST. */
export interface DiscordMessengerOptions {
  /** Interaction tokens by channel and user, for ephemeral follow-ups. */
  memory: InteractionMemory;
  /** Renders a reply (and records whatever the bot must remember about it, e.g. prompt texts). */
  render: (reply: Reply) => Promise<DiscordPayload>;
  now?: () => number;
}

/** The body and files of a REST call for a payload. */
function restBody(payload: DiscordPayload, flags?: number) {
  return {
    body: flags === undefined ? payload.message : { ...payload.message, flags },
    files: payload.files.map((file) => ({ name: file.name, data: file.data, contentType: 'image/png' })),
  };
}

/**
 * The nonce of a keyed post: 25 characters (Discord's limit) of a SHA-256 of channel and key, so the
 * same key in two channels never collides (Discord checks nonces per author, not per channel).
 */
export const nonceOf = (channelId: string, key: string): string =>
  createHash('sha256').update(`${channelId}\0${key}`).digest('base64url').slice(0, 25);

/**
 * The core's {@link Messenger} over Discord's REST API: channel messages for posts and updates. An
 * ephemeral message needs an interaction: it goes as an ephemeral follow-up on the user's latest
 * interaction in that channel (while its token lives), otherwise as a direct message. A keyed post
 * sends its nonce with `enforce_nonce`: Discord then returns the message already created with that
 * nonce in the past few minutes instead of creating another (Create Message, `enforce_nonce`).
 */
export function createDiscordMessenger(rest: REST, options: DiscordMessengerOptions): Messenger {
  const { memory, render } = options;
  const now = options.now ?? Date.now;
  return {
    async post(channel, reply, options) {
      const request = restBody(await render(reply));
      const body =
        options?.key === undefined
          ? request.body
          : { ...request.body, nonce: nonceOf(channel.channelId, options.key), enforce_nonce: true };
      const sent = (await rest.post(Routes.channelMessages(channel.channelId), { ...request, body })) as {
        id: string;
      };
      return { ...channel, messageId: sent.id };
    },
    async update(message, reply) {
      await rest.patch(
        Routes.channelMessage(message.channelId, message.messageId),
        restBody(await render(reply)),
      );
    },
    async ephemeral(channel, userId, reply) {
      const payload = await render(reply);
      const token = memory.recall(channel.channelId, userId, now());
      if (token) {
        await rest.post(Routes.webhook(token.applicationId, token.token), {
          ...restBody(payload, EPHEMERAL_FLAG),
          auth: false,
        });
        return;
      }
      const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as {
        id: string;
      };
      await rest.post(Routes.channelMessages(dm.id), restBody(payload));
    },
  };
}
