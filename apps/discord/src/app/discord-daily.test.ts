import { SAMPLE_QUESTIONS } from '@mlsys/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, type DiscordHarness, startDiscordHarness } from '../testing/discord-harness.js';
import { fakeMessage, type RestCall } from '../testing/fake-discord.js';
import { buttonPress, chatInput, type Who } from '../testing/interactions.js';

let harness: DiscordHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const EPHEMERAL = 64;
/** MANAGE_GUILD = 1 << 5 (Discord API v10, "Permissions"). */
const MANAGE_GUILD = '32';
const text = (value: unknown) => JSON.stringify(value);
const who = (userId: string, permissions = '0'): Who => ({
  applicationId: APPLICATION_ID,
  userId,
  channelId: 'CD',
  permissions,
});

interface Body {
  flags?: number;
  embeds?: unknown[];
  components?: { components: { custom_id: string; label: string }[] }[];
}

async function send(h: DiscordHarness, interaction: { id: string }): Promise<{ type: number; data?: Body }> {
  h.discord.dispatch('INTERACTION_CREATE', interaction);
  const [call] = await h.discord.waitFor(
    'POST',
    new RegExp(`^/interactions/${interaction.id}/[^/]+/callback$`),
    1,
  );
  return call!.body as { type: number; data?: Body };
}

const daily = (user: Who, sub: string, options: unknown[] = []) =>
  chatInput(user, 'daily', [{ name: sub, type: 1, options }]);
const hasDailyButtons = (call: RestCall) => text(call.body).includes('daily:answer');

describe('Discord daily question', () => {
  it('refuses every admin action to a member without Manage Server', async () => {
    harness = await startDiscordHarness(SAMPLE_QUESTIONS);
    const subscribe = [
      { name: 'time', type: 3, value: '09:30' },
      { name: 'tz', type: 3, value: 'UTC' },
    ];
    for (const [sub, options] of [
      ['subscribe', subscribe],
      ['unsubscribe', []],
      ['skip', []],
      ['preview', []],
    ] as const) {
      const reply = await send(harness, daily(who('U3'), sub, [...options]));
      expect(reply.data?.flags).toBe(EPHEMERAL);
      expect(text(reply.data)).toMatch(/Only a channel admin/);
    }
  });

  it('subscribes with Manage Server, posts once for two ticks at once, and takes one answer per member', async () => {
    harness = await startDiscordHarness(SAMPLE_QUESTIONS);
    const h = harness;
    const on = await send(
      h,
      daily(who('U5', MANAGE_GUILD), 'subscribe', [
        { name: 'tz', type: 3, value: 'UTC' },
        { name: 'time', type: 3, value: '09:30' },
        // Every question of this pool is answered with buttons (no typed numeric answers).
        { name: 'topic', type: 3, value: 'moe' },
      ]),
    );
    expect(on.data?.flags ?? 0).toBe(0);
    expect(text(on.data)).toContain('Daily question on');

    // Monday 2026-03-02 09:30 UTC: the first post is due.
    h.clock.set(Date.parse('2026-03-02T09:30:00Z'));
    await Promise.all([h.tick(), h.tick()]);
    await h.tick();
    const posts = h.discord.callsTo('POST', /^\/channels\/CD\/messages$/).filter(hasDailyButtons);
    expect(posts).toHaveLength(1);

    const body = posts[0]!.body as Body;
    const button = body
      .components!.flatMap((row) => row.components)
      .find((b) => b.custom_id.startsWith('daily:answer|'))!;
    const message = fakeMessage('D1', 'CD', { components: body.components });
    const first = await send(h, buttonPress(who('U1'), button.custom_id, message));
    expect(first.data?.flags).toBe(EPHEMERAL);
    expect(text(first.data)).toMatch(/Locked in/);
    const second = await send(h, buttonPress(who('U1'), button.custom_id, message));
    expect(text(second.data)).toMatch(/already answered/);
  });
});
