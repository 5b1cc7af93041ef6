import { allCommands } from '@mlsys/core';
import { describe, expect, it } from 'vitest';
import { toSlackManifest } from './slack-manifest.js';
import { coreCommandName, slackCommandName } from './slash-commands.js';

describe('toSlackManifest', () => {
  const http = toSlackManifest(allCommands, { url: 'https://bot.example.com/' });
  const socket = toSlackManifest(allCommands);

  it('has the manifest keys of shared/reference/quiz-and-platforms.md', () => {
    // display_information, features.bot_user, features.slash_commands[] (command, description,
    // usage_hint, url, should_escape), oauth_config.scopes.bot, settings (event_subscriptions,
    // interactivity, socket_mode_enabled).
    expect(Object.keys(http).sort()).toEqual(['display_information', 'features', 'oauth_config', 'settings']);
    expect(http.features.bot_user.display_name).toBe('mlsys');
    for (const command of http.features.slash_commands) {
      expect(Object.keys(command).sort()).toEqual([
        'command',
        'description',
        'should_escape',
        'url',
        'usage_hint',
      ]);
    }
    expect(http.oauth_config.scopes.bot).toContain('commands');
    expect(Object.keys(http.settings)).toEqual(
      expect.arrayContaining(['event_subscriptions', 'interactivity', 'socket_mode_enabled']),
    );
  });

  it('has one slash command per core command, help as /mlsys, all at /slack/events in HTTP mode', () => {
    const names = http.features.slash_commands.map((c) => c.command);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(names)).toEqual(new Set(allCommands.map((c) => slackCommandName(c))));
    expect(names).toContain('/mlsys');
    expect(names).not.toContain('/help');
    for (const command of http.features.slash_commands) {
      expect(command.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(command.url).toBe('https://bot.example.com/slack/events');
      expect(command.description.length).toBeGreaterThan(0);
    }
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://bot.example.com/slack/events',
    });
    expect(http.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(http.features.app_home.home_tab_enabled).toBe(true);
  });

  it('leaves URLs out and turns Socket Mode on without a URL', () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.settings.interactivity).toEqual({ is_enabled: true });
    expect(socket.features.slash_commands.every((c) => c.url === undefined)).toBe(true);
  });

  it.each([
    ['help', '/mlsys'],
    ['kvcache', '/kvcache'],
    ['quiz', '/quiz'],
  ])('installs %s as %s and maps it back', (core, slash) => {
    expect(slackCommandName(core)).toBe(slash);
    expect(coreCommandName(slash, [])).toBe(core);
  });
});
