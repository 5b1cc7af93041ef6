import { describe, expect, it } from 'vitest';
import { defineCommand } from '../commands/define-command.js';
import type { Invocation } from '../commands/invocation.js';
import { createManualClock } from '../ports/manual-clock.js';
import { systemRandom } from '../ports/services.js';
import { createRateLimiter } from './rate-limiter.js';
import { createRouter } from './router.js';

const limits = { user: { capacity: 5, refillPerSecond: 1 }, channel: { capacity: 12, refillPerSecond: 2 } };
const T = 1_000_000;
const key = (userId: string, channelId = 'C') => ({ platform: 'slack' as const, userId, channelId });

describe('createRateLimiter', () => {
  it('lets a burst of `capacity` through, then one per refill', () => {
    const limiter = createRateLimiter(limits);
    const results = Array.from({ length: 8 }, () => limiter.take(key('U'), 1, T).ok);
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(limiter.take(key('U'), 1, T)).toEqual({ ok: false, retryAfterMs: 1000, limitedBy: 'user' });
    expect(limiter.take(key('U'), 1, T + 999).ok).toBe(false);
    expect(limiter.take(key('U'), 1, T + 1000).ok).toBe(true);
    expect(limiter.take(key('U'), 1, T + 1000).ok).toBe(false);
  });

  it('weights by cost: a cost-3 command spends three tokens', () => {
    const limiter = createRateLimiter(limits);
    expect(limiter.take(key('U'), 3, T).ok).toBe(true);
    expect(limiter.take(key('U'), 3, T)).toEqual({ ok: false, retryAfterMs: 1000, limitedBy: 'user' });
    expect(limiter.take(key('U'), 2, T).ok).toBe(true);
  });

  it('limits a flooding user while others in the channel stay served', () => {
    const limiter = createRateLimiter(limits);
    let flood = 0;
    let others = 0;
    // 100 requests from one user and one each from six others, over one second.
    for (let i = 0; i < 100; i++) if (limiter.take(key('U-flood'), 1, T + i * 10).ok) flood++;
    for (let u = 0; u < 6; u++) if (limiter.take(key(`U-${u}`), 1, T + 1000).ok) others++;
    // The burst of 5; the refill (1/s) has not made a whole token by the last request at T + 990 ms.
    expect(flood).toBe(5);
    expect(others).toBe(6);
  });

  it('limits a channel that many users flood together', () => {
    const limiter = createRateLimiter(limits);
    const served = Array.from({ length: 20 }, (_, u) => limiter.take(key(`U-${u}`), 1, T));
    expect(served.filter((v) => v.ok)).toHaveLength(12);
    expect(served.at(-1)).toEqual({ ok: false, retryAfterMs: 500, limitedBy: 'channel' });
    // Buttons spend only the user's bucket.
    expect(limiter.take(key('U-19'), 1, T, false).ok).toBe(true);
  });
});

describe('router rate limiting', () => {
  const ping = defineCommand({
    name: 'ping',
    description: 'Answers',
    options: {},
    examples: [''],
    cost: 2,
    run: () => ({ visibility: 'public', blocks: [], fallbackText: 'pong' }),
  });
  const call = (userId: string, platform: Invocation['platform'] = 'discord'): Invocation => ({
    platform,
    command: 'ping',
    text: '',
    user: { id: userId, name: userId, isAdmin: false },
    channel: { id: 'C' },
    team: { id: 'T' },
  });

  it('answers a limited user with an ephemeral message saying when to retry', async () => {
    const clock = createManualClock(Date.parse('2026-03-02T09:30:00Z'));
    const router = createRouter({
      commands: [ping],
      services: { clock, random: systemRandom },
      rateLimiter: createRateLimiter(limits),
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await router.dispatch(call('U'))).status);
    expect(statuses).toEqual(['ok', 'ok', 'user-error', 'user-error']);
    const { reply } = await router.dispatch(call('U'));
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.fallbackText).toBe(
      'You are sending commands faster than I answer them: try again in 1 s (at 09:30:01 UTC).',
    );
    expect((await router.dispatch(call('U-other'))).status).toBe('ok');
    // The CLI is never limited.
    for (let i = 0; i < 10; i++) expect((await router.dispatch(call('U', 'cli'))).status).toBe('ok');
  });
});
