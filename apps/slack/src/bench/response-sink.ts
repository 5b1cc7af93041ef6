import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local endpoint for `response_url` posts that tells the bench the moment each one arrives. */
export interface ResponseSink {
  /** A response_url whose post resolves {@link next} for `id`. */
  url(id: string): string;
  /** Resolves with the posted JSON when the post for `id` arrives. */
  next(id: string): Promise<unknown>;
  /** Posts received so far. */
  readonly received: number;
  /**
   * Resolves once `count` posts have arrived, or after `ms`, with how many are still missing (polls
   * every 20 ms; for draining between phases, not for timing).
   */
  drained(count: number, ms?: number): Promise<number>;
  close(): Promise<void>;
}

/** Starts the sink on an ephemeral port of 127.0.0.1. */
export async function startResponseSink(): Promise<ResponseSink> {
  const waiting = new Map<string, (body: unknown) => void>();
  let received = 0;
  const server = createServer(async (request, response) => {
    // A body that is not JSON (or a connection cut mid-body) is answered 400 and still counted, so
    // the bench reports it instead of hanging on an unhandled rejection.
    let body: unknown;
    try {
      body = JSON.parse((await readText(request)) || '{}');
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    } catch (error) {
      body = { unreadable: String(error) };
      if (!response.headersSent) response.writeHead(400).end();
    }
    received++;
    const id = (request.url ?? '').replace(/^\/response\//, '');
    waiting.get(id)?.(body);
    waiting.delete(id);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (id) => `${base}/response/${id}`,
    next: (id) => new Promise((resolve) => waiting.set(id, resolve)),
    get received() {
      return received;
    },
    async drained(count, ms = 30_000) {
      const until = Date.now() + ms;
      while (received < count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      return Math.max(0, count - received);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
