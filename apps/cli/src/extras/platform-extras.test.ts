import { allCommands } from '@mlsys/core';
import { startFakeDiscord } from '@mlsys/discord/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { runCaptured as run } from '../testing/run-captured.js';

const APP = '200000000000000002';
const saved = { ...process.env };
afterEach(() => {
  for (const key of ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_API_URL']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe('mlsys slack manifest', () => {
  it('prints the manifest for HTTP mode with every command at /slack/events', async () => {
    const { code, stdout } = await run('slack', 'manifest', '--url', 'https://bot.example.com');
    expect(code).toBe(0);
    const manifest = JSON.parse(stdout) as {
      features: { slash_commands: { command: string; url: string }[] };
      settings: { socket_mode_enabled: boolean };
    };
    // help is installed as /mlsys, which the core also has: one slash command for both.
    expect(manifest.features.slash_commands).toHaveLength(
      allCommands.filter((c) => c.name !== 'help').length,
    );
    expect(manifest.features.slash_commands.find((c) => c.command === '/kvcache')?.url).toBe(
      'https://bot.example.com/slack/events',
    );
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('prints Socket Mode without --url and refuses a plain-http URL', async () => {
    expect(JSON.parse((await run('slack', 'manifest')).stdout).settings.socket_mode_enabled).toBe(true);
    const bad = await run('slack', 'manifest', '--url', 'http://bot.example.com');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--url must be');
  });
});

describe('mlsys discord register', () => {
  it('prints valid commands with --dry-run, without a token', async () => {
    const { code, stdout, stderr } = await run('discord', 'register', '--dry-run');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect((JSON.parse(stdout) as { name: string }[]).map((c) => c.name)).toEqual(
      allCommands.map((c) => c.name),
    );
  });

  it('names the missing variable', async () => {
    delete process.env.DISCORD_TOKEN;
    process.env.DISCORD_APPLICATION_ID = APP;
    const { code, stderr } = await run('discord', 'register');
    expect(code).toBe(2);
    expect(stderr).toContain('DISCORD_TOKEN');
  });

  it('registers to one server with a bulk overwrite', async () => {
    const discord = await startFakeDiscord(APP);
    try {
      Object.assign(process.env, {
        DISCORD_TOKEN: 'a.b.c',
        DISCORD_APPLICATION_ID: APP,
        DISCORD_API_URL: discord.apiUrl,
      });
      const { code, stdout } = await run('discord', 'register', '--guild', '300000000000000003');
      expect(code).toBe(0);
      expect(stdout).toContain(`Registered ${allCommands.length} commands to server 300000000000000003`);
      expect(discord.callsTo('PUT', /commands$/).map((c) => c.path)).toEqual([
        `/applications/${APP}/guilds/300000000000000003/commands`,
      ]);
    } finally {
      await discord.close();
    }
  });
});
