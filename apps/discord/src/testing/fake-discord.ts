import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One REST request the fake received. */
export interface RestCall {
  method: string;
  /** Path below `/api/v10`, e.g. `/interactions/I1/tok/callback`. */
  path: string;
  /** The JSON body, or `payload_json` of a multipart body. */
  body: unknown;
  /** Names of attached files (multipart). */
  files: string[];
}

/** A local stand-in for Discord: REST under `/api/v10` and a gateway on the same port (127.0.0.1). */
export interface FakeDiscord {
  /** REST base for `DISCORD_API_URL` / `rest.api`. */
  readonly apiUrl: string;
  readonly calls: RestCall[];
  /** Calls whose path matches. */
  callsTo(method: string, path: RegExp): RestCall[];
  /** Resolves once `count` calls match (or rejects after `ms`). */
  waitFor(method: string, path: RegExp, count: number, ms?: number): Promise<RestCall[]>;
  /** Sends a gateway dispatch (e.g. `INTERACTION_CREATE`) to every connected client. */
  dispatch(type: string, data: unknown): void;
  /** How many IDENTIFY payloads arrived, with their intents. */
  readonly identifies: { intents: number }[];
  close(): Promise<void>;
}

const BOT_USER = {
  id: '1000',
  username: 'mlsys',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
};

/** A message object as Discord returns it, enough for discord.js to build a `Message`. */
export function fakeMessage(id: string, channelId: string, body: Record<string, unknown> = {}) {
  return {
    id,
    channel_id: channelId,
    author: BOT_USER,
    content: '',
    timestamp: '2026-03-02T09:00:00.000000+00:00',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
    ...body,
  };
}

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeDiscord(applicationId: string): Promise<FakeDiscord> {
  const calls: RestCall[] = [];
  const identifies: { intents: number }[] = [];
  const sockets = new Set<WebSocket>();
  let messages = 5000;
  /** Messages created with `enforce_nonce`, by nonce (the bot is the only author). */
  const byNonce = new Map<string, unknown>();
  let sequence = 0;
  let base = '';

  function answer(method: string, path: string, body: Record<string, unknown>): [number, unknown] {
    if (method === 'GET' && path === '/gateway/bot') {
      const url = base.replace('http', 'ws');
      return [
        200,
        {
          url,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (/^\/interactions\/[^/]+\/[^/]+\/callback$/.test(path)) return [204, undefined];
    const channel = /^\/channels\/([^/]+)\/messages(?:\/([^/]+))?$/.exec(path);
    if (channel && method === 'POST' && body.enforce_nonce === true && typeof body.nonce === 'string') {
      // Create Message with enforce_nonce: the same author's message with this nonce is returned.
      const earlier = byNonce.get(body.nonce);
      if (earlier) return [200, earlier];
      const created = fakeMessage(String(++messages), channel[1]!, body);
      byNonce.set(body.nonce, created);
      return [200, created];
    }
    if (channel) return [200, fakeMessage(channel[2] ?? String(++messages), channel[1]!, body)];
    const webhook = /^\/webhooks\/[^/]+\/[^/]+(?:\/messages\/([^/]+))?$/.exec(path);
    if (webhook) {
      if (method === 'DELETE') return [204, undefined];
      return [200, fakeMessage(webhook[1] === '@original' ? '4000' : String(++messages), 'C1', body)];
    }
    if (method === 'POST' && path === '/users/@me/channels')
      return [200, { id: `DM${body.recipient_id}`, type: 1 }];
    if (method === 'PUT' && /^\/applications\/[^/]+(?:\/guilds\/[^/]+)?\/commands$/.test(path)) {
      const list = body as unknown as Record<string, unknown>[];
      return [
        200,
        list.map((command, i) => ({
          id: String(9000 + i),
          application_id: applicationId,
          version: '1',
          ...command,
        })),
      ];
    }
    return [404, { message: 'Unknown route', code: 0 }];
  }

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const { body, files } = await readBody(request);
    const method = request.method ?? 'GET';
    calls.push({ method, path, body, files });
    const [status, payload] = answer(method, path, (body ?? {}) as Record<string, unknown>);
    if (payload === undefined) {
      response.writeHead(status).end();
      return;
    }
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(payload));
  });

  const gateway = new WebSocketServer({ server });
  gateway.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: { intents?: number } };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) {
        identifies.push({ intents: packet.d.intents ?? -1 });
        send(socket, 'READY', {
          v: 10,
          user: BOT_USER,
          guilds: [],
          session_id: 'session-1',
          resume_gateway_url: base.replace('http', 'ws'),
          shard: [0, 1],
          application: { id: applicationId, flags: 0 },
        });
      }
    });
  });
  function send(socket: WebSocket, type: string, data: unknown): void {
    socket.send(JSON.stringify({ op: 0, t: type, s: ++sequence, d: data }));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const callsTo = (method: string, path: RegExp) =>
    calls.filter((c) => c.method === method && path.test(c.path));
  return {
    apiUrl: `${base}/api`,
    calls,
    callsTo,
    identifies,
    async waitFor(method, path, count, ms = 5000) {
      const until = Date.now() + ms;
      while (callsTo(method, path).length < count) {
        if (Date.now() > until) {
          throw new Error(
            `waited for ${count} ${method} ${path}; calls: ${JSON.stringify(calls.map((c) => `${c.method} ${c.path}`))}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return callsTo(method, path);
    },
    dispatch(type, data) {
      for (const socket of sockets) send(socket, type, data);
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(request: IncomingMessage): Promise<{ body: unknown; files: string[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: string[] = [];
    for (const [key, value] of form.entries())
      if (key !== 'payload_json' && typeof value !== 'string') files.push(value.name);
    const json = form.get('payload_json');
    return { body: typeof json === 'string' ? JSON.parse(json) : undefined, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}
