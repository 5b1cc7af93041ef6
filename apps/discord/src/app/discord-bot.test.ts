import { allCommands, defineCommand } from '@mlsys/core';
import { SAMPLE_QUESTIONS } from '@mlsys/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { checkApplicationCommands } from '../commands/check-application-commands.js';
import type { ApplicationCommandJson } from '../commands/to-application-commands.js';
import { APPLICATION_ID, type DiscordHarness, startDiscordHarness } from '../testing/discord-harness.js';
import { fakeMessage, startFakeDiscord } from '../testing/fake-discord.js';
import { autocomplete, buttonPress, chatInput, modalSubmit, type Who } from '../testing/interactions.js';
import { registerCommands } from './register-commands.js';

const choiceQuestion = SAMPLE_QUESTIONS.find((q) => q.id === 'kv-cache-llama31-70b-kv-heads')!;
const numericQuestion = SAMPLE_QUESTIONS.find((q) => q.id === 'kv-cache-llama31-8b-bytes-per-token')!;
/** Interaction callback types (Discord API v10): 4 message, 5 deferred message, 8 autocomplete, 9 modal. */
const CALLBACK_TYPE = { message: 4, deferred: 5, autocomplete: 8, modal: 9 } as const;
const EPHEMERAL = 64;

let harness: DiscordHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const who = (userId: string, channelId = 'C1', permissions = '0'): Who => ({
  applicationId: APPLICATION_ID,
  userId,
  channelId,
  permissions,
});
const text = (value: unknown) => JSON.stringify(value);

interface Callback {
  type: number;
  data?: {
    embeds?: unknown[];
    components?: { components: { custom_id: string; label: string }[] }[];
    flags?: number;
    content?: string;
    choices?: { name: string }[];
    title?: string;
  };
}

/** Sends an interaction through the gateway and waits for the bot's callback to it. */
async function send(h: DiscordHarness, interaction: { id: string }): Promise<Callback> {
  h.discord.dispatch('INTERACTION_CREATE', interaction);
  const path = new RegExp(`^/interactions/${interaction.id}/[^/]+/callback$`);
  const [call] = await h.discord.waitFor('POST', path, 1);
  return call!.body as Callback;
}

describe('Discord bot over discord.js, a fake gateway and a fake REST API', () => {
  it('registers valid commands with one bulk overwrite, to a guild or globally', async () => {
    const discord = await startFakeDiscord(APPLICATION_ID);
    try {
      await registerCommands(allCommands, {
        token: 't',
        applicationId: APPLICATION_ID,
        guildId: 'G1',
        apiUrl: discord.apiUrl,
      });
      await registerCommands(allCommands, {
        token: 't',
        applicationId: APPLICATION_ID,
        apiUrl: discord.apiUrl,
      });
      const puts = discord.callsTo('PUT', /commands$/);
      expect(puts.map((call) => call.path)).toEqual([
        `/applications/${APPLICATION_ID}/guilds/G1/commands`,
        `/applications/${APPLICATION_ID}/commands`,
      ]);
      const sent = puts[0]!.body as ApplicationCommandJson[];
      expect(checkApplicationCommands(sent)).toEqual([]);
      expect(sent.map((c) => c.name)).toEqual(allCommands.map((c) => c.name));
    } finally {
      await discord.close();
    }
  });

  it('identifies with the Guilds intent only (no privileged intents)', async () => {
    harness = await startDiscordHarness([choiceQuestion]);
    // GatewayIntentBits.Guilds = 1 << 0 (Discord API v10, "Gateway Intents").
    expect(harness.discord.identifies).toEqual([{ intents: 1 }]);
  });

  it('answers a calculator (Mixtral-8x7B: 46.7B total, 12.9B active; Mistral AI 2023)', async () => {
    harness = await startDiscordHarness([choiceQuestion]);
    const reply = await send(
      harness,
      chatInput(who('U1'), 'moe', [{ name: 'model', type: 3, value: 'mixtral-8x7b' }]),
    );
    expect(reply.type).toBe(CALLBACK_TYPE.message);
    expect(text(reply.data?.embeds)).toContain('46.7');
    expect(text(reply.data?.embeds)).toContain('12.9');
    expect(reply.data?.flags ?? 0).toBe(0);
  });

  it('defers a charted reply, then attaches the chart as a PNG the embed refers to (speculative decoding, Leviathan et al. 2023)', async () => {
    harness = await startDiscordHarness([choiceQuestion]);
    const h = harness;
    const interaction = chatInput(who('U1'), 'specdec', [
      { name: 'alpha', type: 10, value: 0.8 },
      { name: 'gamma', type: 4, value: 4 },
    ]);
    // Drawing the chart must not eat into the 3 s window: the interaction is deferred at once.
    expect((await send(h, interaction)).type).toBe(CALLBACK_TYPE.deferred);
    const [edit] = await h.discord.waitFor('PATCH', /^\/webhooks\/2000\/[^/]+\/messages\/@original$/, 1);
    // E[tokens per target pass] = (1 − 0.8^5) / (1 − 0.8) = 3.3616 (Leviathan et al. 2023, eq. 1).
    expect(text(edit!.body)).toContain('3.36');
    expect(text(edit!.body)).toContain('attachment://chart-0.png');
    expect(edit!.files).toEqual(['chart-0.png']);
  });

  it('offers model names while typing (autocomplete)', async () => {
    harness = await startDiscordHarness([choiceQuestion]);
    const reply = await send(
      harness,
      autocomplete(who('U1'), 'kvcache', [{ name: 'model', type: 3, value: '70', focused: true }]),
    );
    expect(reply.type).toBe(CALLBACK_TYPE.autocomplete);
    expect(reply.data?.choices).toEqual([{ name: 'llama-3.1-70b', value: 'llama-3.1-70b' }]);
  });

  it('defers a slow command and edits the deferred reply', async () => {
    const slow = defineCommand({
      name: 'slow',
      description: 'Takes a while',
      options: {},
      examples: [''],
      cost: 1,
      run: async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return {
          visibility: 'public',
          blocks: [{ type: 'text', text: 'done after a while' }],
          fallbackText: 'done',
        };
      },
    });
    harness = await startDiscordHarness([choiceQuestion], { extra: [slow], ackBudgetMs: 50 });
    expect((await send(harness, chatInput(who('U1'), 'slow'))).type).toBe(CALLBACK_TYPE.deferred);
    const [edit] = await harness.discord.waitFor(
      'PATCH',
      /^\/webhooks\/2000\/[^/]+\/messages\/@original$/,
      1,
    );
    expect(text(edit!.body)).toContain('done after a while');
  });

  it('plays a quiz through components: join and start buttons, answer buttons, live countdown, results', async () => {
    harness = await startDiscordHarness([choiceQuestion]);
    const h = harness;
    const lobby = await send(
      h,
      chatInput(who('U1', 'CQ'), 'quiz', [
        { name: 'start', type: 1, options: [{ name: 'rounds', type: 4, value: 1 }] },
      ]),
    );
    expect(text(lobby.data?.embeds)).toContain('Quiz lobby');
    const lobbyMessage = fakeMessage('L1', 'CQ', { components: lobby.data?.components });
    const ids = lobby.data!.components!.flatMap((row) => row.components.map((b) => b.custom_id));
    const join = ids.find((id) => id.startsWith('quiz:join|'))!;
    const begin = ids.find((id) => id.startsWith('quiz:begin|'))!;

    expect(text((await send(h, buttonPress(who('U2', 'CQ'), join, lobbyMessage))).data)).toMatch(/joined/i);
    await send(h, buttonPress(who('U1', 'CQ'), begin, lobbyMessage));
    const [post] = await h.discord.waitFor('POST', /^\/channels\/CQ\/messages$/, 1);
    const question = post!.body as Callback['data'] & { content: string };
    expect(text(question.embeds)).toContain('Llama-3.1-70B');
    // A live countdown in Discord's relative timestamp format.
    expect(question.content).toMatch(/<t:\d+:R>/);

    const buttons = question.components!.flatMap((row) => row.components);
    const right = buttons.find((b) => b.label.endsWith('. 8'))!;
    const wrong = buttons.find((b) => !b.label.endsWith('. 8'))!;
    const questionMessage = fakeMessage('Q1', 'CQ', { components: question.components });
    const answers = await Promise.all([
      send(h, buttonPress(who('U1', 'CQ'), right.custom_id, questionMessage)),
      send(h, buttonPress(who('U2', 'CQ'), wrong.custom_id, questionMessage)),
    ]);
    for (const answer of answers) {
      expect(answer.data?.flags).toBe(EPHEMERAL);
      expect(text(answer.data)).toMatch(/locked in/i);
      expect(text(answer.data)).not.toMatch(/correct|wrong/i);
    }
    for (let i = 0; i < 4; i++) {
      h.clock.advance(30_000);
      await h.tick();
    }
    const posts = h.discord.callsTo('POST', /^\/channels\/CQ\/messages$/);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(text(posts.at(-1)!.body)).toMatch(/User U1/);
  });

  it('takes a numeric answer through a modal', async () => {
    harness = await startDiscordHarness([numericQuestion]);
    const h = harness;
    const start = (options: unknown[]) =>
      chatInput(who('U1', 'CN'), 'quiz', [{ name: 'start', type: 1, options }]);
    await send(h, start([{ name: 'rounds', type: 4, value: 1 }]));
    await send(h, start([]));
    const [post] = await h.discord.waitFor('POST', /^\/channels\/CN\/messages$/, 1);
    const question = post!.body as Callback['data'];
    const prompt = question!
      .components!.flatMap((row) => row.components)
      .find((b) => b.custom_id.startsWith('?'))!;
    const modal = await send(
      h,
      buttonPress(
        who('U1', 'CN'),
        prompt.custom_id,
        fakeMessage('Q1', 'CN', { components: question!.components }),
      ),
    );
    expect(modal.type).toBe(CALLBACK_TYPE.modal);
    // The form says what to type: the prompt's own title and field label (the unit), not a generic one.
    expect(modal.data?.title).toBe('Your answer');
    expect(text(modal.data)).toContain('A number in KiB');

    const answer = await send(h, modalSubmit(who('U1', 'CN'), prompt.custom_id, 'answer', '128'));
    expect(answer.data?.flags).toBe(EPHEMERAL);
    expect(text(answer.data)).toMatch(/locked in/i);
  });

  it('sends ephemeral messages on a timer as follow-ups while the token lives, else by DM', async () => {
    harness = await startDiscordHarness([choiceQuestion]);
    const h = harness;
    await send(h, chatInput(who('U1', 'CE'), 'quiz', [{ name: 'status', type: 1, options: [] }]));
    const note = {
      visibility: 'ephemeral' as const,
      blocks: [{ type: 'text' as const, text: 'just for you' }],
      fallbackText: 'x',
    };
    await h.bot.messenger.ephemeral({ platform: 'discord', channelId: 'CE' }, 'U1', note);
    const [followUp] = h.discord.callsTo('POST', /^\/webhooks\/2000\/token-/);
    expect((followUp!.body as { flags: number }).flags).toBe(EPHEMERAL);
    await h.bot.messenger.ephemeral({ platform: 'discord', channelId: 'CE' }, 'U2', note);
    expect(h.discord.callsTo('POST', /^\/users\/@me\/channels$/).map((c) => c.body)).toEqual([
      { recipient_id: 'U2' },
    ]);
    expect(text(h.discord.callsTo('POST', /^\/channels\/DMU2\/messages$/)[0]!.body)).toContain(
      'just for you',
    );
  });

  it('refuses to stop someone else’s quiz unless the member has Manage Server', async () => {
    harness = await startDiscordHarness([choiceQuestion]);
    const h = harness;
    const stop = (user: Who) => send(h, chatInput(user, 'quiz', [{ name: 'stop', type: 1, options: [] }]));
    await send(h, chatInput(who('U1', 'CA'), 'quiz', [{ name: 'start', type: 1, options: [] }]));
    const refused = await stop(who('U3', 'CA'));
    expect(refused.data?.flags).toBe(EPHEMERAL);
    expect(text(refused.data)).toMatch(/Only the quiz's host or a channel admin/);
    // MANAGE_GUILD = 1 << 5 = 32 (Discord API v10, "Permissions").
    const allowed = await stop(who('U4', 'CA', '32'));
    expect(text(allowed.data)).not.toMatch(/Only the quiz's host/);
  });
});
