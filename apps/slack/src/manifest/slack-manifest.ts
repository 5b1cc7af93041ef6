import { type AnyCommand, type CommandSpec, usageOf } from '@mlsys/core';
import { slackCommandName } from './slash-commands.js';

/**
 * Bot scopes the app asks for, each for one thing it does (Slack's scope reference):
 * `commands` slash commands; `chat:write` posts and updates; `chat:write.public` posts daily questions
 * and quiz rounds in public channels it was not invited to; `files:write` chart images;
 * `users:read` the admin rule (workspace admin or owner); `channels:read` and `groups:read` the
 * channel-creator rule for public and private channels; `channels:history` and `groups:history` to
 * find a daily post already sent under its key before sending it again (`post-once.ts`).
 */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'files:write',
  'users:read',
  'channels:read',
  'groups:read',
  'channels:history',
  'groups:history',
] as const;

/** Events the app subscribes to: the Home tab. */
export const SLACK_BOT_EVENTS = ['app_home_opened'] as const;

/** One slash command of the manifest (`features.slash_commands[]`). */
export interface ManifestSlashCommand {
  command: string;
  description: string;
  usage_hint: string;
  url?: string;
  should_escape: boolean;
}

/** The Slack app manifest this app is created from (Slack's "App manifest reference"). */
export interface SlackManifest {
  display_information: { name: string; description: string; background_color: string };
  features: {
    app_home: {
      home_tab_enabled: boolean;
      messages_tab_enabled: boolean;
      messages_tab_read_only_enabled: boolean;
    };
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: ManifestSlashCommand[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

/** How the app will be reached. */
export interface ManifestOptions {
  /** App and bot name shown in Slack; `mlsys` by default. */
  name?: string;
  /**
   * Public base URL of the bot in HTTP mode, e.g. `https://bot.example.com`; requests go to
   * `<url>/slack/events` (Bolt's default path). Leave it out for Socket Mode.
   */
  url?: string;
}

/** Bolt's default endpoint for commands, actions, view submissions and events. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** A usage hint is short text after the command name in Slack's picker; we keep it on one line. */
const USAGE_HINT_MAX = 100;

/**
 * The app manifest, generated from the command specs: one slash command per core command (`help` is
 * `/mlsys`), the bot scopes, the Home tab, interactivity, and either request URLs (HTTP mode) or
 * Socket Mode. Pure.
 */
export function toSlackManifest(
  commands: readonly AnyCommand[],
  options: ManifestOptions = {},
): SlackManifest {
  const name = options.name ?? 'mlsys';
  const endpoint =
    options.url === undefined ? undefined : `${options.url.replace(/\/+$/, '')}${SLACK_EVENTS_PATH}`;
  const slash = installable(commands).map((command): ManifestSlashCommand => {
    const entry: ManifestSlashCommand = {
      command: slackCommandName(command),
      description: command.description,
      usage_hint: usageHint(command),
      should_escape: false,
    };
    if (endpoint) entry.url = endpoint;
    return entry;
  });
  return {
    display_information: {
      name,
      description: 'ML-systems calculators, quiz battles and a daily question for ML engineers.',
      background_color: '#0072b2',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: false, messages_tab_read_only_enabled: true },
      bot_user: { display_name: name, always_online: true },
      slash_commands: slash,
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      event_subscriptions: {
        ...(endpoint ? { request_url: endpoint } : {}),
        bot_events: [...SLACK_BOT_EVENTS],
      },
      interactivity: { is_enabled: true, ...(endpoint ? { request_url: endpoint } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: endpoint === undefined,
      token_rotation_enabled: false,
    },
  };
}

/**
 * One command per slash name: where two map to one (`help` is installed as `/mlsys`, and the core
 * may also have an `mlsys` command), the command named like the slash command wins.
 */
function installable(commands: readonly AnyCommand[]): AnyCommand[] {
  const bySlash = new Map<string, AnyCommand>();
  for (const command of commands) {
    const slash = slackCommandName(command);
    const held = bySlash.get(slash);
    if (!held || `/${command.name}` === slash) bySlash.set(slash, command);
  }
  return commands.filter((command) => bySlash.get(slackCommandName(command)) === command);
}

/** `<model> <context> [batch]` for a command; `start | join | …` for a group. */
function usageHint(command: AnyCommand): string {
  const hint =
    command.kind === 'group'
      ? command.subcommands.map((sub: CommandSpec) => sub.name).join(' | ')
      : usageOf(command);
  return hint.length <= USAGE_HINT_MAX ? hint : `${hint.slice(0, USAGE_HINT_MAX - 1)}…`;
}
