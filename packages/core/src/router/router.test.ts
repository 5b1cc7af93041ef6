import { UserError } from '@mlsys/errors';
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../commands/define-command.js';
import type { Invocation } from '../commands/invocation.js';
import { systemClock, systemRandom } from '../ports/services.js';
import { type ActionInvocation, defineAction } from './actions.js';
import { createRouter } from './router.js';

const echo = defineCommand({
  name: 'echo',
  description: 'Echoes, or fails on request',
  options: {},
  examples: [''],
  cost: 1,
  run: (_input, { invocation }) => {
    if (invocation.channel.id === 'user')
      throw new UserError('test/bad', 'That was wrong.', { example: '/echo' });
    if (invocation.channel.id === 'bug') throw new Error('secret stack detail');
    return { visibility: 'public', blocks: [{ type: 'text', text: 'hi' }], fallbackText: 'hi' };
  },
});

const call = (command: string): Invocation => ({
  platform: 'cli',
  command,
  text: '',
  user: { id: 'u', name: 'u', isAdmin: false },
  channel: { id: 'c' },
  team: { id: 't' },
});

describe('router', () => {
  const logged: unknown[] = [];
  const router = createRouter({
    commands: [{ ...echo, run: (input, ctx) => echo.run(input, ctx) }],
    services: { clock: systemClock, random: systemRandom },
    logger: { error: (_message, fields) => logged.push(fields) },
    incidentId: () => 'abc123',
  });

  it('runs a known command', async () => {
    expect(await router.dispatch(call('echo'))).toMatchObject({
      status: 'ok',
      reply: { fallbackText: 'hi' },
    });
  });

  it('answers an unknown command with suggestions', async () => {
    const { status, reply } = await router.dispatch(call('ecoh'));
    expect(status).toBe('user-error');
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.fallbackText).toBe('There is no command /ecoh.\nDid you mean: /echo?\nExample: /mlsys help');
  });

  it('renders user errors and hides bugs behind an incident id', async () => {
    const user = await router.dispatch({ ...call('echo'), channel: { id: 'user' } });
    expect(user.reply.fallbackText).toBe('That was wrong.\nExample: /echo');
    const bug = await router.dispatch({ ...call('echo'), channel: { id: 'bug' } });
    expect(bug.status).toBe('internal-error');
    expect(bug.reply.fallbackText).toBe('Sorry, something went wrong on our side. Incident id: abc123.');
    expect(JSON.stringify(bug.reply)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });
});

describe('router actions', () => {
  const logged: unknown[] = [];
  const router = createRouter({
    commands: [],
    actions: [
      defineAction({
        id: 'test:press',
        run: (action) => {
          if (action.value === 'user') throw new UserError('test/bad', 'Not that button.');
          if (action.value === 'bug') throw new Error('secret stack detail');
          return { visibility: 'ephemeral', blocks: [], fallbackText: `pressed ${action.value}` };
        },
      }),
    ],
    services: { clock: systemClock, random: systemRandom },
    logger: { error: (_message, fields) => logged.push(fields) },
    incidentId: () => 'def456',
  });
  const press = (actionId: string, value: string): ActionInvocation => ({
    platform: 'slack',
    actionId,
    value,
    user: { id: 'u', name: 'u', isAdmin: false },
    channel: { id: 'c' },
  });

  it('runs the handler of the pressed button', async () => {
    expect(await router.handleAction(press('test:press', 'B'))).toMatchObject({
      status: 'ok',
      reply: { fallbackText: 'pressed B' },
    });
  });

  it('answers an unknown button politely', async () => {
    const { status, reply } = await router.handleAction(press('gone:button', ''));
    expect(status).toBe('user-error');
    expect(reply.fallbackText).toBe('That button no longer does anything.\nExample: /quiz status');
  });

  it('keeps the same error boundary as commands', async () => {
    expect((await router.handleAction(press('test:press', 'user'))).reply.fallbackText).toBe(
      'Not that button.',
    );
    const bug = await router.handleAction(press('test:press', 'bug'));
    expect(bug.status).toBe('internal-error');
    expect(JSON.stringify(bug.reply)).not.toContain('secret');
    expect(logged).toEqual([expect.objectContaining({ incident: 'def456', action: 'test:press' })]);
  });
});
