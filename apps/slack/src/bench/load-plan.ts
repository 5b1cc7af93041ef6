/** One kind of request the load clients send, as Slack would post it. */
export type LoadRequest =
  | { kind: 'command'; label: string; command: string; text: string; responds: boolean }
  | { kind: 'button'; label: string; button: { action_id: string; value: string }; responds: boolean };

/**
 * What the load worker does: `clients` concurrent keep-alive connections, each sending its requests
 * one after another (the next when the previous is acknowledged), cycling through `mix`.
 */
export interface LoadPlan {
  /** `POST /slack/events` URL (or the baseline server's). */
  url: string;
  secret: string;
  clients: number;
  /** Untimed requests per client first: one per user id, so every user's admin lookup is cached. */
  warmupPerClient: number;
  /** Timed requests per client. */
  perClient: number;
  /** Distinct user ids per client (`U<client>x<n>`). */
  usersPerClient: number;
  mix: readonly LoadRequest[];
  /**
   * Whether the server posts replies to the requests' `response_url`s (the bot does; the bare
   * baseline does not): the worker then waits for them after each phase.
   */
  replies: boolean;
}

/**
 * What the worker reports: ack latencies per request label (ms), wall time, non-200 answers, and
 * replies that never reached their `response_url`.
 */
export interface LoadResult {
  latencies: Record<string, number[]>;
  elapsedMs: number;
  failures: number;
  missing: number;
}

/** How many `response_url` posts `count` requests of `mix` (cycled) cause. */
export function responsesFor(mix: readonly LoadRequest[], clients: number, perClient: number): number {
  let total = 0;
  for (let c = 0; c < clients; c++) {
    for (let i = 0; i < perClient; i++) if (mix[(c + i) % mix.length]!.responds) total++;
  }
  return total;
}
