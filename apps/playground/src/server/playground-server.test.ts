import type { AddressInfo } from 'node:net';
import { createRouter, defineCommand, systemRandom } from '@mlsys/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannelHub } from '../channel/channel-hub.js';
import { createOffsetClock } from './offset-clock.js';
import { createPlaygroundServer } from './playground-server.js';

const ping = defineCommand({
  name: 'ping',
  description: 'Answers pong',
  options: {},
  examples: [''],
  cost: 1,
  run: (_input, { invocation }) => ({
    visibility: 'public',
    blocks: [{ type: 'text', text: `pong for **${invocation.user.name}**` }],
    fallbackText: `pong for ${invocation.user.name}`,
  }),
});

describe('playground server', () => {
  const clock = createOffsetClock(() => Date.UTC(2026, 0, 5, 8, 0));
  const hub = createChannelHub(() => clock.now().getTime());
  const ticks: string[] = [];
  const router = createRouter({
    commands: [ping],
    services: { clock, random: systemRandom },
    logger: { error: () => {} },
  });
  const server = createPlaygroundServer({
    router,
    hub,
    clock,
    tick: async () => {
      ticks.push(clock.now().toISOString());
    },
    complete: (text) => (text.startsWith('/p') ? ['/ping'] : []),
    devControls: true,
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const ada = { id: 'pg-ada', name: 'Ada' };

  it('serves the page', async () => {
    const response = await fetch(base);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>mlsys-bot playground</title>');
  });

  it('runs a command and posts the line and the reply to the channel', async () => {
    expect((await post('/api/command', { user: ada, text: '/ping' })).status).toBe(202);
    expect(hub.history('general', 'someone-else').map((m) => [m.author.name, m.text])).toEqual([
      ['Ada', '/ping'],
      ['mlsys-bot', 'pong for Ada'],
    ]);
  });

  it('answers unknown commands only to the sender', async () => {
    await post('/api/command', { user: ada, text: '/pnig' });
    const mine = hub.history('general', 'pg-ada').at(-1)!;
    expect(mine.text).toBe('There is no command /pnig.\nDid you mean: /ping?\nExample: /mlsys help');
    expect(mine.visibleTo).toBe('pg-ada');
    expect(hub.history('general', 'pg-bob').some((m) => m.text.includes('/pnig'))).toBe(false);
  });

  it('streams history and new messages over server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events?channel=general&user=pg-bob`, {
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    let text = '';
    const until = async (needle: string) => {
      while (!text.includes(needle)) text += new TextDecoder().decode((await reader.read()).value);
    };
    await until('pong for Ada');
    await post('/api/command', { user: { id: 'pg-bob', name: 'Bob' }, text: '/ping' });
    await until('pong for Bob');
    expect(text).toContain('event: message\ndata: {"id":"m');
    controller.abort();
  });

  it('refuses bad requests with a 400 and a message', async () => {
    const cases: [string, unknown, string][] = [
      [
        '/api/command',
        { user: { id: 'bad id!', name: 'x' }, text: '/ping' },
        'Bad user.id: a user id is 1–40 letters, digits, _ or -.',
      ],
      ['/api/command', { user: ada }, 'Bad text: Invalid input: expected string, received undefined.'],
      ['/api/dev/advance', { minutes: -5 }, 'Bad minutes: Too small: expected number to be >0.'],
    ];
    for (const [path, body, message] of cases) {
      const response = await post(path, body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toBe(message);
    }
    const notJson = await fetch(`${base}/api/command`, { method: 'POST', body: '{' });
    expect(await notJson.json()).toEqual({
      error: 'playground/bad-json',
      message: 'The request body is not JSON.',
    });
  });

  it('moves the bot clock forward and runs the timers', async () => {
    const response = await post('/api/dev/advance', { minutes: 90 });
    expect(await response.json()).toEqual({ now: '2026-01-05T09:30:00.000Z' });
    expect(ticks).toEqual(['2026-01-05T09:30:00.000Z']);
  });
});
