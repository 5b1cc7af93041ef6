import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received: a Web API method, a `response_url` post, or a file upload. */
export interface FakeCall {
  /** `chat.postMessage`, …; `response` for a response_url post; `upload` for file bytes. */
  method: string;
  /** Parsed parameters; JSON-valued fields (`blocks`, `view`, `files`) parsed too. */
  params: Record<string, unknown>;
  /** What the fake answered with (HTTP status). */
  status: number;
  /** The JSON the fake answered (or would have, for a dropped call). */
  response?: unknown;
  /** The call took effect but its response was dropped (see {@link FakeSlackApi.dropAfterCommit}). */
  dropped?: boolean;
  /** The request path, e.g. `/response/a1` for `responseUrl('a1')`. */
  path: string;
}

/** A local stand-in for Slack's Web API that records every call (127.0.0.1 only). */
export interface FakeSlackApi {
  /** Web API base for `SLACK_API_URL`, ending in `/api/`. */
  readonly apiUrl: string;
  /** A response_url the fake accepts, e.g. for a slash command payload. */
  responseUrl(id: string): string;
  readonly calls: FakeCall[];
  /** Calls of one method that the fake answered with 200. */
  delivered(method: string): FakeCall[];
  /** Users Slack calls workspace admins. */
  readonly admins: Set<string>;
  /** Channel id → creator's user id. */
  readonly creators: Map<string, string>;
  /** Makes the next call of `method` fail with HTTP 429 and `Retry-After: seconds`. */
  rateLimitNext(method: string, seconds: number): void;
  /**
   * Makes the next `count` calls of `method` take effect (a posted message exists) and then closes
   * the connection without a response, as a network failure after Slack committed would.
   */
  dropAfterCommit(method: string, count?: number): void;
  /** Resolves once `count` delivered calls of `method` exist (or rejects after `ms`). */
  waitFor(method: string, count: number, ms?: number): Promise<FakeCall[]>;
  close(): Promise<void>;
}

const JSON_FIELDS = ['blocks', 'view', 'files', 'attachments', 'metadata'];
/** `conversations.history`'s default and largest page (Slack: limit default 100, at most 999). */
const HISTORY_LIMITS = { default: 100, max: 999 };

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: FakeCall[] = [];
  const admins = new Set<string>();
  const creators = new Map<string, string>();
  const limited = new Map<string, number>();
  const drops = new Map<string, number>();
  /** Messages posted per channel, oldest first: what `conversations.history` reads. */
  const channels = new Map<string, { ts: string; text: unknown; blocks: unknown; metadata: unknown }[]>();
  let ts = 1_700_000_000;
  let files = 0;
  let base = '';

  function answer(method: string, params: Record<string, unknown>): unknown {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'mlsys' };
      case 'chat.postMessage': {
        const message = {
          ts: `${++ts}.000100`,
          text: params.text,
          blocks: params.blocks,
          metadata: params.metadata,
        };
        const channel = String(params.channel);
        channels.set(channel, [...(channels.get(channel) ?? []), message]);
        return { ok: true, channel, ts: message.ts };
      }
      case 'conversations.history': {
        // Newest first, a page of `limit` from `cursor` (an offset here). The fake's ts are counters,
        // not clock times, so `oldest` is not applied.
        const all = channels.get(String(params.channel)) ?? [];
        const limit = Math.min(Number(params.limit ?? HISTORY_LIMITS.default), HISTORY_LIMITS.max);
        const from = Number(params.cursor ?? 0);
        const newestFirst = [...all].reverse();
        const withMetadata = String(params.include_all_metadata) === 'true';
        const more = newestFirst.length > from + limit;
        const messages = newestFirst.slice(from, from + limit).map(({ metadata, ...m }) => ({
          type: 'message',
          bot_id: 'BBOT',
          ...m,
          ...(withMetadata ? { metadata } : {}),
        }));
        return {
          ok: true,
          messages,
          has_more: more,
          ...(more ? { response_metadata: { next_cursor: String(from + limit) } } : {}),
        };
      }
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${++ts}.000200` };
      case 'users.info': {
        const id = String(params.user);
        return { ok: true, user: { id, name: id.toLowerCase(), is_admin: admins.has(id), is_owner: false } };
      }
      case 'conversations.info': {
        const id = String(params.channel);
        return { ok: true, channel: { id, creator: creators.get(id) ?? 'UNOBODY' } };
      }
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${++ts}` } };
      case 'files.getUploadURLExternal': {
        const id = `F${++files}`;
        return { ok: true, upload_url: `${base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (params.files as { id: string }[]).map((f) => ({ id: f.id })) };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let method = url.pathname.replace(/^\/api\//, '');
    if (url.pathname.startsWith('/response/')) method = 'response';
    if (url.pathname.startsWith('/upload/')) method = 'upload';
    const params = method === 'upload' ? { bytes: body.length } : parseParams(request, body);
    const retry = limited.get(method);
    if (retry !== undefined) {
      limited.delete(method);
      calls.push({ method, params, status: 429, path: url.pathname });
      response.writeHead(429, { 'retry-after': String(retry), 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const payload = method === 'response' || method === 'upload' ? { ok: true } : answer(method, params);
    const drop = drops.get(method) ?? 0;
    if (drop > 0) {
      drops.set(method, drop - 1);
      calls.push({ method, params, status: 200, path: url.pathname, response: payload, dropped: true });
      request.socket.destroy();
      return;
    }
    calls.push({ method, params, status: 200, path: url.pathname, response: payload });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(payload));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const delivered = (method: string) => calls.filter((c) => c.method === method && c.status === 200);
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    delivered,
    admins,
    creators,
    rateLimitNext: (method, seconds) => limited.set(method, seconds),
    dropAfterCommit: (method, count = 1) => drops.set(method, (drops.get(method) ?? 0) + count),
    async waitFor(method, count, ms = 5000) {
      const until = Date.now() + ms;
      while (delivered(method).length < count) {
        if (Date.now() > until) {
          throw new Error(
            `waited for ${count} ${method}; got ${delivered(method).length}: ${JSON.stringify(calls.map((c) => c.method))}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return delivered(method);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseParams(request: IncomingMessage, body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  const type = request.headers['content-type'] ?? '';
  const params: Record<string, unknown> = type.includes('json')
    ? (JSON.parse(text || '{}') as Record<string, unknown>)
    : Object.fromEntries(new URLSearchParams(text));
  for (const field of JSON_FIELDS) {
    if (typeof params[field] === 'string') params[field] = JSON.parse(params[field] as string);
  }
  return params;
}
