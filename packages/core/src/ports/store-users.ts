import type { Platform } from '../commands/invocation.js';

/** A user as the bot keeps them: the platform's id and a display name, nothing more. */
export interface UserRecord {
  platform: Platform;
  userId: string;
  name: string;
}

/** A channel the bot has been used in. */
export interface ChannelRecord {
  platform: Platform;
  channelId: string;
  name: string | null;
}

/**
 * Starting Glicko-2 rating of a player nobody has rated yet (Lichess: 1500, RD 500).
 * Source: shared/reference/quiz-and-platforms.md, "Lichess puzzles (Glicko-2 …)".
 */
export const DEFAULT_RATING = 1500;

/** Users, channels and the one number the quiz reads from ratings. */
export interface UserStore {
  /** Inserts the user or updates their display name. */
  upsertUser(user: UserRecord): Promise<void>;
  upsertChannel(channel: ChannelRecord): Promise<void>;
  getUser(platform: Platform, userId: string): Promise<UserRecord | undefined>;
  /**
   * Current ratings by user id; users without a rating get {@link DEFAULT_RATING}.
   * (The ratings helper adds the Glicko-2 update on the same `ratings` table.)
   */
  ratingsOf(platform: Platform, userIds: readonly string[]): Promise<Map<string, number>>;
}
