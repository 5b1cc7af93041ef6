import { UserError } from '@mlsys/errors';
import type { Platform } from '../commands/invocation.js';

/** One token bucket's size and refill. */
export interface BucketLimit {
  /** Tokens when full: the burst allowed. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

/** Limits per user and per channel; a command spends its `cost` from both. */
export interface RateLimits {
  user: BucketLimit;
  channel: BucketLimit;
}

/**
 * The bot's default limits (its own choice, sized against the platforms' posting limits: Slack's
 * chat.postMessage allows about 1 message per second per channel, shared/reference/quiz-and-platforms.md):
 * a user may burst 10 cost units and then 1 every 2 s; a channel 30 and then 2 per second.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  user: { capacity: 10, refillPerSecond: 0.5 },
  channel: { capacity: 30, refillPerSecond: 2 },
};

/** Who spends: a user in a channel on a platform. */
export interface RateKey {
  platform: Platform;
  userId: string;
  channelId: string;
}

/** The verdict on one request. */
export type RateVerdict = { ok: true } | { ok: false; retryAfterMs: number; limitedBy: 'user' | 'channel' };

/** Token buckets per user and per channel. */
export interface RateLimiter {
  /**
   * Spends `cost` from the user's bucket and (unless `channel` is false) the channel's, if both hold
   * enough; else spends nothing.
   */
  take(key: RateKey, cost: number, now: number, channel?: boolean): RateVerdict;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Creates in-process token buckets (each instance limits what it serves; a flood spread over many
 * instances is the platforms' own rate limits' job). A refused request spends nothing, so a user who
 * floods empties only their own bucket and the channel's stays available to everyone else.
 *
 * @param maxKeys Buckets kept before full ones are forgotten (a full bucket equals a new one).
 */
export function createRateLimiter(limits: RateLimits = DEFAULT_RATE_LIMITS, maxKeys = 50_000): RateLimiter {
  const buckets = new Map<string, Bucket>();

  const level = (key: string, limit: BucketLimit, now: number): Bucket => {
    const bucket = buckets.get(key) ?? { tokens: limit.capacity, at: now };
    const refilled = Math.min(
      limit.capacity,
      bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * limit.refillPerSecond,
    );
    return { tokens: refilled, at: Math.max(bucket.at, now) };
  };

  const forgetFull = (now: number) => {
    if (buckets.size <= maxKeys) return;
    for (const key of buckets.keys()) {
      const limit = key.startsWith('u:') ? limits.user : limits.channel;
      if (level(key, limit, now).tokens >= limit.capacity) buckets.delete(key);
    }
  };

  return {
    take(key, cost, now, withChannel = true) {
      const userKey = `u:${key.platform}:${key.userId}`;
      const channelKey = `c:${key.platform}:${key.channelId}`;
      const user = level(userKey, limits.user, now);
      const channel = level(channelKey, limits.channel, now);
      const userCost = Math.min(cost, limits.user.capacity);
      const channelCost = Math.min(cost, limits.channel.capacity);
      const userWait = ((userCost - user.tokens) / limits.user.refillPerSecond) * 1000;
      const channelWait = withChannel
        ? ((channelCost - channel.tokens) / limits.channel.refillPerSecond) * 1000
        : 0;
      if (userWait > 0 || channelWait > 0) {
        return userWait >= channelWait
          ? { ok: false, retryAfterMs: Math.ceil(userWait), limitedBy: 'user' }
          : { ok: false, retryAfterMs: Math.ceil(channelWait), limitedBy: 'channel' };
      }
      buckets.set(userKey, { tokens: user.tokens - userCost, at: user.at });
      if (withChannel) buckets.set(channelKey, { tokens: channel.tokens - channelCost, at: channel.at });
      forgetFull(now);
      return { ok: true };
    },
  };
}

/**
 * The error for a refused request: whose limit, and when to try again.
 */
export function rateLimitedError(verdict: Extract<RateVerdict, { ok: false }>, now: number): UserError {
  const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  const at = new Date(now + seconds * 1000).toISOString().slice(11, 19);
  const who =
    verdict.limitedBy === 'user'
      ? 'You are sending commands faster than I answer them'
      : 'This channel is very busy';
  return new UserError('core/rate-limited', `${who}: try again in ${seconds} s (at ${at} UTC).`);
}
