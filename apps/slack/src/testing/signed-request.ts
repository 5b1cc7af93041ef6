import { createHmac } from 'node:crypto';

/** How to sign (or mis-sign) a test request. */
export interface SigningOptions {
  secret: string;
  /** Seconds added to now for the timestamp (negative: in the past). */
  offsetSeconds?: number;
  /** Leave the signature headers out. */
  unsigned?: boolean;
  /** Sign with this secret instead (a forgery). */
  forgedWith?: string;
  /** `X-Slack-Retry-Num`, as Slack sends on a retry. */
  retryNum?: number;
}

/**
 * The headers Slack sends with `body`: `X-Slack-Signature` = `v0=` + HMAC-SHA256 of
 * `v0:<timestamp>:<raw body>` with the signing secret (Slack, "Verifying requests from Slack").
 */
export function signedHeaders(
  body: string,
  contentType: string,
  options: SigningOptions,
): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000) + (options.offsetSeconds ?? 0);
  const key = options.forgedWith ?? options.secret;
  const signature = `v0=${createHmac('sha256', key).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const headers: Record<string, string> = { 'content-type': contentType };
  if (!options.unsigned) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = signature;
  }
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return headers;
}

/** Sends `body` to a Slack endpoint as Slack does, signed by {@link signedHeaders}. */
export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  options: SigningOptions,
): Promise<Response> {
  return fetch(url, { method: 'POST', headers: signedHeaders(body, contentType, options), body });
}

/** A slash command as Slack posts it (form-encoded). */
export function commandBody(fields: Record<string, string>): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: 'U1',
    user_name: 'ada',
    api_app_id: 'A1',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    ...fields,
  }).toString();
}

/** An interactivity payload (block_actions, view_submission) as Slack posts it: `payload=<json>`. */
export function payloadBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
