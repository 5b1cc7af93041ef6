import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/**
 * Slack's replay window: a request whose `X-Slack-Request-Timestamp` differs from now by more than
 * five minutes is refused (Slack, "Verifying requests from Slack"; shared/reference/quiz-and-platforms.md).
 */
export const SLACK_TIMESTAMP_WINDOW_S = 5 * 60;

/**
 * Wraps Bolt's request listener with the half of Slack's timestamp rule Bolt leaves out: Bolt refuses
 * stale timestamps but accepts any from the future, so a request signed with a future timestamp could
 * be replayed for as long as that timestamp lies ahead. Requests outside the window, or without a
 * numeric timestamp, get 401 before their body is read; Bolt then checks the signature of the rest.
 */
export function guardTimestamps(listener: RequestListener, now: () => number = Date.now): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const header = request.headers['x-slack-request-timestamp'];
    const seconds = typeof header === 'string' && /^\d{1,12}$/.test(header) ? Number(header) : Number.NaN;
    if (request.method === 'POST' && !(Math.abs(now() / 1000 - seconds) <= SLACK_TIMESTAMP_WINDOW_S)) {
      response.writeHead(401).end();
      request.resume();
      return;
    }
    listener(request, response);
  };
}
