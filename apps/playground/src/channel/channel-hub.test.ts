import { describe, expect, it } from 'vitest';
import { type ChannelEvent, createChannelHub } from './channel-hub.js';

const reply = (text: string, visibility: 'public' | 'ephemeral' = 'public') => ({
  visibility,
  blocks: [{ type: 'text' as const, text }],
  fallbackText: text,
});

describe('channel hub', () => {
  it('delivers public messages to every listener of the channel and ephemeral ones to one user', async () => {
    const hub = createChannelHub(() => 1_000);
    const seen: Record<string, string[]> = { ada: [], bob: [], other: [] };
    for (const [userId, channelId] of [
      ['ada', 'general'],
      ['bob', 'general'],
      ['other', 'random'],
    ] as const) {
      hub.listen({
        channelId,
        userId,
        send: (event: ChannelEvent) => seen[userId]!.push(event.message.text),
      });
    }
    hub.postReply('general', reply('for all'), 'ada');
    hub.postReply('general', reply('only ada', 'ephemeral'), 'ada');
    await hub.ephemeral({ platform: 'playground', channelId: 'general' }, 'bob', reply('only bob'));
    expect(seen).toEqual({ ada: ['for all', 'only ada'], bob: ['for all', 'only bob'], other: [] });
    expect(hub.history('general', 'bob').map((m) => m.text)).toEqual(['for all', 'only bob']);
  });

  it('updates a posted message in place and tells listeners', async () => {
    const hub = createChannelHub(() => 5);
    const events: ChannelEvent[] = [];
    hub.listen({ channelId: 'c', userId: 'u', send: (event) => events.push(event) });
    const ref = await hub.post({ platform: 'playground', channelId: 'c' }, reply('Round 1: 20 s left'));
    await hub.update(ref, reply('Round 1: closed'));
    expect(events.map((e) => [e.type, e.message.id, e.message.text])).toEqual([
      ['message', ref.messageId, 'Round 1: 20 s left'],
      ['update', ref.messageId, 'Round 1: closed'],
    ]);
    expect(hub.history('c', 'u')).toHaveLength(1);
  });

  it('stops delivering after the listener leaves', () => {
    const hub = createChannelHub(() => 0);
    const seen: string[] = [];
    const stop = hub.listen({ channelId: 'c', userId: 'u', send: (event) => seen.push(event.message.text) });
    hub.postReply('c', reply('one'), 'u');
    stop();
    hub.postReply('c', reply('two'), 'u');
    expect(seen).toEqual(['one']);
  });
});
