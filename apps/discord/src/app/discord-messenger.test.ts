import { SAMPLE_QUESTIONS } from '@mlsys/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type DiscordHarness, startDiscordHarness } from '../testing/discord-harness.js';
import { nonceOf } from './discord-messenger.js';

let harness: DiscordHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const reply = (text: string) => ({
  visibility: 'public' as const,
  blocks: [{ type: 'text' as const, text }],
  fallbackText: text,
});

describe('Discord messenger keyed posts', () => {
  it('sends the key as a 25-character nonce with enforce_nonce, so a resend returns the first message', async () => {
    harness = await startDiscordHarness(SAMPLE_QUESTIONS);
    const { messenger } = harness.bot;
    const channel = { platform: 'discord' as const, channelId: 'CD' };
    const key = 'daily/question/2026-11-24';
    const first = await messenger.post(channel, reply('Daily question'), { key });
    const again = await messenger.post(channel, reply('Daily question'), { key });
    const calls = harness.discord.callsTo('POST', /^\/channels\/CD\/messages$/);
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => (c.body as { nonce: string; enforce_nonce: boolean }).enforce_nonce)).toEqual([
      true,
      true,
    ]);
    expect((calls[0]!.body as { nonce: string }).nonce).toHaveLength(25);
    expect(again.messageId).toBe(first.messageId);
  });

  it('derives different nonces for the same key in two channels, and none for unkeyed posts', async () => {
    const key = 'daily/question/2026-11-24';
    expect(nonceOf('C1', key)).not.toBe(nonceOf('C2', key));
    expect(nonceOf('C1', key)).toBe(nonceOf('C1', key));
    harness = await startDiscordHarness(SAMPLE_QUESTIONS);
    const channel = { platform: 'discord' as const, channelId: 'CE' };
    const a = await harness.bot.messenger.post(channel, reply('Round 1'));
    const b = await harness.bot.messenger.post(channel, reply('Round 1'));
    expect(a.messageId).not.toBe(b.messageId);
    const calls = harness.discord.callsTo('POST', /^\/channels\/CE\/messages$/);
    expect(calls.map((c) => 'nonce' in (c.body as object))).toEqual([false, false]);
  });
});
