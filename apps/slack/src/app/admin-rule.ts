import type { WebClient } from './web-client.js';

/** Decides whether a Slack user may change a channel's bot settings. */
export interface AdminRule {
  isAdmin(userId: string, channelId: string | undefined): Promise<boolean>;
}

/** How long an answer is reused, ms: a demoted admin loses the right within this time. */
export const ADMIN_CACHE_MS = 5 * 60 * 1000;

/**
 * The Slack admin rule: a user is an admin of a channel when Slack says they are a workspace admin or
 * owner (`users.info` → `is_admin`, `is_owner`, `is_primary_owner`) or they created the channel
 * (`conversations.info` → `creator`). A failed lookup counts as "not an admin". Answers are cached for
 * {@link ADMIN_CACHE_MS}.
 */
export function createAdminRule(client: WebClient, now: () => number = Date.now): AdminRule {
  const cache = new Map<string, { at: number; admin: boolean }>();
  async function lookup(userId: string, channelId: string | undefined): Promise<boolean> {
    const [user, channel] = await Promise.all([
      client.users.info({ user: userId }).catch(() => undefined),
      channelId ? client.conversations.info({ channel: channelId }).catch(() => undefined) : undefined,
    ]);
    const who = user?.user;
    if (who?.is_admin === true || who?.is_owner === true || who?.is_primary_owner === true) return true;
    return channel?.channel?.creator === userId;
  }
  return {
    async isAdmin(userId, channelId) {
      const key = `${userId}:${channelId ?? ''}`;
      const hit = cache.get(key);
      if (hit && now() - hit.at < ADMIN_CACHE_MS) return hit.admin;
      const admin = await lookup(userId, channelId);
      if (cache.size > 10_000) cache.clear();
      cache.set(key, { at: now(), admin });
      return admin;
    },
  };
}
