import { UserError } from '@mlsys/errors';
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../commands/define-command.js';
import type { Invocation } from '../commands/invocation.js';
import { systemClock, systemRandom } from '../ports/services.js';
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
