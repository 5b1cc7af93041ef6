import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { allCommands, type Messenger, type Platform, type Router } from '@mlsys/core';
import { createDiscordBot, type DiscordBot, registerCommands } from '@mlsys/discord';
import { createSlackBot, SLACK_EVENTS_PATH, type SlackBot } from '@mlsys/slack';
import type { Env } from '../env.js';
import { completionSources } from './completion-sources.js';

/** The Slack and Discord bots this process runs, by the tokens in its environment. */
export interface PlatformBots {
  /** Their messengers, for the runtime's per-platform routing. */
  readonly messengers: Partial<Record<Platform, Messenger>>;
  /** Human-readable names of what runs, e.g. `Slack (HTTP at /slack/events)`. */
  readonly started: string[];
  /** Slack HTTP mode: the listener of `/slack/events`, served on PORT beside the playground. */
  readonly slackListener: RequestListener | undefined;
  /** Connects them to the core: Slack listeners (Socket Mode connects), Discord logs in. */
  start(router: Router): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Creates the platform bots whose tokens are set (`SLACK_BOT_TOKEN`, `DISCORD_TOKEN`). Nothing
 * connects before {@link PlatformBots.start}: the messengers exist first so the runtime can route
 * timer-driven posts to them.
 */
export function createPlatformBots(env: Env): PlatformBots {
  const log = (message: string, fields: Record<string, unknown>) => console.error(message, fields);
  let slack: SlackBot | undefined;
  let discord: DiscordBot | undefined;
  if (env.SLACK_BOT_TOKEN) {
    slack = createSlackBot({
      botToken: env.SLACK_BOT_TOKEN,
      ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
      ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
      ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
      log,
    });
  }
  if (env.DISCORD_TOKEN) {
    discord = createDiscordBot({
      token: env.DISCORD_TOKEN,
      ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
      log,
    });
  }
  const messengers: Partial<Record<Platform, Messenger>> = {};
  const started: string[] = [];
  if (slack) {
    messengers.slack = slack.messenger;
    started.push(slack.mode === 'http' ? `Slack (HTTP at ${SLACK_EVENTS_PATH})` : 'Slack (Socket Mode)');
  }
  if (discord) {
    messengers.discord = discord.messenger;
    started.push(
      env.DISCORD_GUILD_ID ? `Discord (commands registered to server ${env.DISCORD_GUILD_ID})` : 'Discord',
    );
  }
  return {
    messengers,
    started,
    slackListener: slack?.requestListener,
    async start(router) {
      await slack?.start({ router });
      if (discord && env.DISCORD_GUILD_ID && env.DISCORD_APPLICATION_ID && env.DISCORD_TOKEN) {
        // Guild commands update at once: the development set-up registers on every start.
        await registerCommands(allCommands, {
          token: env.DISCORD_TOKEN,
          applicationId: env.DISCORD_APPLICATION_ID,
          guildId: env.DISCORD_GUILD_ID,
          ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
        });
      }
      await discord?.start({ router, completions: completionSources });
    },
    async stop() {
      await Promise.all([slack?.stop(), discord?.stop()]);
    },
  };
}

/**
 * Serves Slack's endpoint on the playground's server: requests under `/slack/` go to Bolt's
 * receiver, the rest to the playground — or, with the playground off, only `/healthz` answers.
 * One port then serves everything, as a load balancer in front of HTTP mode expects.
 */
export function mountSlack(server: Server, slack: RequestListener | undefined, playground: boolean): void {
  const [original] = server.listeners('request') as RequestListener[];
  if (!slack && playground) return;
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (slack && path.startsWith('/slack/')) return slack(request, response);
    if (playground && original) return original(request, response);
    if (path === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    response.writeHead(404).end();
  });
}
