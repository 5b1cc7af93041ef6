/** Remembers ids seen lately, to drop deliveries of the same request twice. */
export interface RecentIds {
  /** True the first time `id` is seen within the window; false for a repeat. */
  firstTime(id: string): boolean;
}

/**
 * Creates a bounded memory of ids: at most `max` entries, each kept `ttlMs`. Slack retries an event up
 * to three times within about an hour (Events API, "Retries"), so an hour is the default window.
 * Across instances, the store's unique keys (one answer per round, one daily post per day) hold.
 */
export function createRecentIds(
  options: { max?: number; ttlMs?: number; now?: () => number } = {},
): RecentIds {
  const max = options.max ?? 50_000;
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  return {
    firstTime(id) {
      const at = now();
      const before = seen.get(id);
      if (before !== undefined && at - before < ttlMs) return false;
      seen.delete(id);
      seen.set(id, at);
      // Maps keep insertion order: the first entries are the oldest.
      for (const [key, time] of seen) {
        if (seen.size <= max && at - time < ttlMs) break;
        seen.delete(key);
      }
      return true;
    },
  };
}
