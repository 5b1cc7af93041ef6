import type { ChannelRef, MessageRef, Messenger, Platform, PostOptions, Reply } from '@mlsys/core';

/**
 * One {@link Messenger} over several platforms: each message goes to the messenger of its channel's
 * platform, so a quiz opened on Slack posts its rounds on Slack and one in the playground posts there.
 *
 * @throws Error when a channel's platform has no messenger (a bug: the bot runs no such platform).
 */
export function routeMessenger(byPlatform: Partial<Record<Platform, Messenger>>): Messenger {
  const pick = (channel: ChannelRef): Messenger => {
    const messenger = byPlatform[channel.platform];
    if (!messenger) throw new Error(`no messenger for platform ${channel.platform}`);
    return messenger;
  };
  return {
    post: (channel: ChannelRef, reply: Reply, options?: PostOptions) =>
      pick(channel).post(channel, reply, options),
    update: (message: MessageRef, reply: Reply) => pick(message).update(message, reply),
    ephemeral: (channel: ChannelRef, userId: string, reply: Reply) =>
      pick(channel).ephemeral(channel, userId, reply),
  };
}
