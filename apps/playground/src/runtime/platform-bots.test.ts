import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createListQuestionSource } from '@mlsys/core';
import { SAMPLE_QUESTIONS } from '@mlsys/core/testing';
import { chatInput, type FakeDiscord, startFakeDiscord } from '@mlsys/discord/testing';
import {
  commandBody,
  type FakeSlackApi,
  findButton,
  payloadBody,
  postSigned,
  pressButton,
  startFakeSlackApi,
} from '@mlsys/slack/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEnv } from '../env.js';
import { type RunningBot, startBot } from '../start-bot.js';

const SECRET = '0123456789abcdef0123456789abcdef';
const APP = '200000000000000001';
const GUILD = '300000000000000001';
const FORM = 'application/x-www-form-urlencoded';

describe('startBot with Slack and Discord credentials', () => {
  let slack: FakeSlackApi;
  let discord: FakeDiscord;
  let dataDir: string;
  let bot: RunningBot | undefined;

  beforeEach(async () => {
    slack = await startFakeSlackApi();
    discord = await startFakeDiscord(APP);
    dataDir = mkdtempSync(join(tmpdir(), 'mlsys-platforms-'));
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    await slack.close();
    await discord.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const environment = (extra: Record<string, string> = {}) => ({
    PORT: '0',
    DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: 'bot.test.token',
    DISCORD_APPLICATION_ID: APP,
    DISCORD_GUILD_ID: GUILD,
    DISCORD_API_URL: discord.apiUrl,
    ...extra,
  });
  const quizQuestions = createListQuestionSource(SAMPLE_QUESTIONS.filter((q) => q.kind !== 'numeric'));

  it('runs the playground, Slack at /slack/events on the same port, and Discord, and routes posts by platform', async () => {
    bot = await startBot(environment(), { questions: quizQuestions });
    expect(bot.platforms).toEqual([
      'Slack (HTTP at /slack/events)',
      `Discord (commands registered to server ${GUILD})`,
    ]);
    const base = `http://127.0.0.1:${bot.port}`;
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect(discord.callsTo('PUT', new RegExp(`/applications/${APP}/guilds/${GUILD}/commands$`))).toHaveLength(
      1,
    );
    expect(discord.identifies).toEqual([{ intents: 1 }]);

    // A Slack quiz: its rounds are posted on Slack, never on Discord.
    const events = `${base}/slack/events`;
    const lobby = (await (
      await postSigned(
        events,
        commandBody({
          command: '/quiz',
          text: 'start rounds=1',
          channel_id: 'CS',
          response_url: slack.responseUrl('c'),
        }),
        FORM,
        { secret: SECRET },
      )
    ).json()) as { blocks: unknown };
    await postSigned(
      events,
      payloadBody(pressButton(findButton(lobby.blocks, 'quiz:begin'), 'U1', 'CS', slack.responseUrl('b'))),
      FORM,
      { secret: SECRET },
    );
    const [round] = await slack.waitFor('chat.postMessage', 1);
    expect(round!.params.channel).toBe('CS');
    expect(discord.callsTo('POST', /^\/channels\//)).toEqual([]);

    // A Discord calculator on the same runtime.
    discord.dispatch(
      'INTERACTION_CREATE',
      chatInput({ applicationId: APP, userId: 'U9', channelId: 'CD' }, 'moe', [
        { name: 'model', type: 3, value: 'mixtral-8x7b' },
      ]),
    );
    const [reply] = await discord.waitFor('POST', /\/callback$/, 1);
    expect(JSON.stringify(reply!.body)).toContain('46.7');
  });

  it('serves only Slack and /healthz with PLAYGROUND=off', async () => {
    bot = await startBot(
      environment({
        PLAYGROUND: 'off',
        DISCORD_TOKEN: '',
        DISCORD_APPLICATION_ID: '',
        DISCORD_GUILD_ID: '',
        DISCORD_API_URL: '',
      }),
    );
    expect(bot.platforms).toEqual(['Slack (HTTP at /slack/events)']);
    const base = `http://127.0.0.1:${bot.port}`;
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const unsigned = await fetch(`${base}/slack/events`, { method: 'POST', body: 'x' });
    expect(unsigned.status).toBe(401);
  });
});

describe('platform variables', () => {
  it.each([
    [
      'a bot token without a signing secret or app token',
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      'SLACK_SIGNING_SECRET',
    ],
    [
      'a user token as bot token',
      { SLACK_BOT_TOKEN: 'xoxp-1', SLACK_APP_TOKEN: 'xapp-1' },
      'SLACK_BOT_TOKEN',
    ],
    ['a bot token as app token', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, 'SLACK_APP_TOKEN'],
    ['a signing secret without a bot token', { SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN'],
    [
      'a malformed Slack API URL',
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'nope' },
      'SLACK_API_URL',
    ],
    ['a Discord token without an application id', { DISCORD_TOKEN: 'a.b.c' }, 'DISCORD_APPLICATION_ID'],
    [
      'a short application id',
      { DISCORD_TOKEN: 'a.b.c', DISCORD_APPLICATION_ID: '12' },
      'DISCORD_APPLICATION_ID',
    ],
    ['a guild id without a token', { DISCORD_GUILD_ID: GUILD }, 'DISCORD_TOKEN'],
    ['a malformed Discord token', { DISCORD_TOKEN: 'nodots', DISCORD_APPLICATION_ID: APP }, 'DISCORD_TOKEN'],
  ])('stops start-up on %s, naming the variable', (_name, environment, variable) => {
    expect(() => readEnv(environment)).toThrow(new RegExp(`${variable}:`));
  });

  it('accepts Socket Mode, HTTP mode and empty values as unset', () => {
    expect(readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).SLACK_APP_TOKEN).toBe('xapp-1');
    expect(readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET }).SLACK_SIGNING_SECRET).toBe(
      SECRET,
    );
    expect(readEnv({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' }).SLACK_BOT_TOKEN).toBeUndefined();
  });
});
