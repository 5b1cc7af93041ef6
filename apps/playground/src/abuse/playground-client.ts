import type { ChannelMessage } from '../channel/channel-hub.js';

/** A playground user as `POST /api/command` names one. */
export interface PlaygroundTestUser {
  id: string;
  name: string;
}

/** One message as the server-sent event stream delivers it. */
export type ViewedMessage = Pick<ChannelMessage, 'author' | 'text' | 'visibleTo'>;

/**
 * Types one line as `user` in `channel` of the playground at `base` (`http://127.0.0.1:port`).
 * Resolves once the bot has posted its reply: the server answers 202 after the command ran.
 *
 * @throws Error when the server answers anything but 202.
 */
export async function sendLine(
  base: string,
  channel: string,
  user: PlaygroundTestUser,
  text: string,
): Promise<void> {
  const response = await fetch(`${base}/api/command`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel, user, text }),
  });
  const body = await response.text();
  if (response.status !== 202) throw new Error(`POST /api/command answered ${response.status}: ${body}`);
}

/**
 * The messages `userId` sees in `channel`, oldest first, read as the page reads them: the history the
 * server-sent event stream replays on connect, up to the stream's first clock heartbeat (which the
 * server sends only after the replay, at most 1 s later).
 */
export async function channelView(base: string, channel: string, userId: string): Promise<ViewedMessage[]> {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/events?channel=${channel}&user=${userId}`, {
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const messages: ViewedMessage[] = [];
  let buffer = '';
  try {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end < 0) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended before its first heartbeat');
        buffer += decoder.decode(value, { stream: true });
        continue;
      }
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (event.startsWith('event: clock')) return messages;
      if (event.startsWith('event: message\ndata: ')) {
        messages.push(JSON.parse(event.slice('event: message\ndata: '.length)) as ViewedMessage);
      }
    }
  } finally {
    controller.abort();
  }
}

/**
 * The texts of the bot's replies to `userId` in a channel view, in order: the ephemeral ones shown
 * only to them, and the public ones posted right after their line (the server posts a public
 * command's line and its reply back to back, so the pairing is exact).
 */
export function repliesTo(view: readonly ViewedMessage[], userId: string): string[] {
  const replies: string[] = [];
  let lastAuthor: string | undefined;
  for (const message of view) {
    if (!message.author.bot) {
      lastAuthor = message.author.id;
      continue;
    }
    const mine = message.visibleTo === undefined ? lastAuthor === userId : message.visibleTo === userId;
    if (mine) replies.push(message.text);
    if (message.visibleTo === undefined) lastAuthor = undefined;
  }
  return replies;
}
