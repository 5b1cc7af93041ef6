/** An interaction's webhook: lets the bot send ephemeral follow-ups to the user for 15 minutes. */
export interface InteractionToken {
  applicationId: string;
  token: string;
  at: number;
}

/** Where the bot last talked with each user in each channel, for ephemeral messages on a timer. */
export interface InteractionMemory {
  remember(channelId: string, userId: string, token: InteractionToken): void;
  /** A token still valid at `now`, if any. */
  recall(channelId: string, userId: string, now: number): InteractionToken | undefined;
}

/**
 * An interaction token lives 15 minutes (Discord, "Receiving and Responding": follow-ups use the
 * token for 15 minutes); one minute is kept as margin.
 */
export const INTERACTION_TOKEN_MS = 14 * 60 * 1000;

/** Creates a bounded memory of interaction tokens. */
export function createInteractionMemory(max = 10_000): InteractionMemory {
  const tokens = new Map<string, InteractionToken>();
  return {
    remember(channelId, userId, token) {
      const key = `${channelId}:${userId}`;
      tokens.delete(key);
      tokens.set(key, token);
      if (tokens.size > max) tokens.delete(tokens.keys().next().value as string);
    },
    recall(channelId, userId, now) {
      const token = tokens.get(`${channelId}:${userId}`);
      return token && now - token.at < INTERACTION_TOKEN_MS ? token : undefined;
    },
  };
}
