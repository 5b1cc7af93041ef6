import type { IncomingMessage, ServerResponse } from 'node:http';
import { UserError } from '@mlsys/errors';
import type { z } from 'zod';

/** Largest request body accepted, in bytes (a pasted config.json fits). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads and validates a JSON body.
 *
 * @throws UserError when the body is too large, not JSON, or not of the schema's shape.
 */
export async function readJson<T extends z.ZodType>(
  request: IncomingMessage,
  schema: T,
): Promise<z.output<T>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new UserError('playground/body-too-large', `Requests are limited to ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new UserError('playground/bad-json', 'The request body is not JSON.', { cause: error });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(
      'playground/bad-request',
      `Bad ${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}.`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

/** Sends a JSON response. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(text);
}

/** Sends an HTML page. */
export function sendHtml(response: ServerResponse, html: string): void {
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; img-src 'self' data:",
  });
  response.end(html);
}
