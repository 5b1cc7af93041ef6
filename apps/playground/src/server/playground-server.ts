import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Router } from '@mlsys/core';
import { isUserError } from '@mlsys/errors';
import type { ChannelEvent, ChannelHub } from '../channel/channel-hub.js';
import { pageHtml } from '../page/page-html.js';
import { readJson, sendHtml, sendJson } from './http-helpers.js';
import type { OffsetClock } from './offset-clock.js';
import { actionRequest, advanceRequest, commandRequest, type PlaygroundUser } from './requests.js';

/** What the playground server drives. */
export interface PlaygroundOptions {
  router: Router;
  hub: ChannelHub;
  clock: OffsetClock;
  /** Runs the bot's timers now (quiz rounds, daily posts); called after the clock moves. */
  tick: () => Promise<void>;
  /** Completions for what has been typed so far. */
  complete: (text: string) => string[];
  /** Shows the development clock control. */
  devControls: boolean;
}

/**
 * The playground's HTTP server: the page, `POST /api/command`, `POST /api/action`, live delivery over
 * server-sent events at `GET /api/events`, completion, and the development clock. Bad requests get a
 * 400 with a message; nothing a client sends can crash the process.
 */
export function createPlaygroundServer(options: PlaygroundOptions): Server {
  return createServer((request, response) => {
    route(options, request, response).catch((error: unknown) => {
      if (isUserError(error)) return sendJson(response, 400, { error: error.code, message: error.message });
      console.error('playground request failed', error);
      if (!response.headersSent)
        sendJson(response, 500, { error: 'internal', message: 'Something went wrong.' });
    });
  });
}

async function route(
  options: PlaygroundOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const key = `${request.method} ${url.pathname}`;
  switch (key) {
    case 'GET /':
      return sendHtml(response, pageHtml({ devControls: options.devControls }));
    case 'GET /healthz':
      return sendJson(response, 200, { ok: true });
    case 'GET /api/events':
      return streamEvents(options, url, request, response);
    case 'GET /api/complete':
      return sendJson(response, 200, { completions: options.complete(url.searchParams.get('text') ?? '') });
    case 'GET /api/clock':
      return sendJson(response, 200, { now: options.clock.now().toISOString() });
    case 'POST /api/command': {
      const body = await readJson(request, commandRequest);
      await runLine(options, body.channel, body.user, body.text);
      return sendJson(response, 202, { ok: true });
    }
    case 'POST /api/action': {
      const body = await readJson(request, actionRequest);
      const { reply } = await options.router.handleAction({
        platform: 'playground',
        actionId: body.actionId,
        value: body.value,
        ...(body.input === undefined ? {} : { input: body.input }),
        user: { ...body.user, isAdmin: true },
        channel: { id: body.channel },
      });
      options.hub.postReply(body.channel, reply, body.user.id);
      return sendJson(response, 202, { ok: true });
    }
    case 'POST /api/dev/advance': {
      if (!options.devControls) return sendJson(response, 404, { error: 'not-found' });
      const body = await readJson(request, advanceRequest);
      options.clock.advance(body.minutes * 60_000);
      await options.tick();
      return sendJson(response, 200, { now: options.clock.now().toISOString() });
    }
    default:
      return sendJson(response, 404, { error: 'not-found', message: `No route ${key}.` });
  }
}

/** A typed line: a `/command` goes to the router; anything else is chat. */
async function runLine(
  options: PlaygroundOptions,
  channel: string,
  user: PlaygroundUser,
  text: string,
): Promise<void> {
  const author = { ...user, bot: false };
  const match = /^\/([A-Za-z][\w-]*)\s*([\s\S]*)$/.exec(text.trim());
  if (!match) {
    options.hub.postAsUser(channel, author, text);
    return;
  }
  const { reply } = await options.router.dispatch({
    platform: 'playground',
    command: match[1]!,
    text: match[2]!,
    user: { ...user, isAdmin: true },
    channel: { id: channel },
    team: { id: 'playground' },
  });
  if (reply.visibility === 'public') options.hub.postAsUser(channel, author, text);
  options.hub.postReply(channel, reply, user.id);
}

function streamEvents(
  options: PlaygroundOptions,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const channelId = url.searchParams.get('channel') ?? 'general';
  const userId = url.searchParams.get('user') ?? '';
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  const send = (event: ChannelEvent) =>
    response.write(`event: ${event.type}\ndata: ${JSON.stringify(event.message)}\n\n`);
  for (const message of options.hub.history(channelId, userId)) send({ type: 'message', message });
  const stop = options.hub.listen({ channelId, userId, send });
  const heartbeat = setInterval(
    () =>
      response.write(`event: clock\ndata: ${JSON.stringify({ now: options.clock.now().toISOString() })}\n\n`),
    1000,
  );
  request.on('close', () => {
    clearInterval(heartbeat);
    stop();
  });
}
