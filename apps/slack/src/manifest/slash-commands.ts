import type { AnyCommand } from '@mlsys/core';

/**
 * Slack's own slash commands that an app cannot take (Slack help centre, "Use shortcuts and slash
 * commands"): the bot's `help` is `/mlsys` there.
 */
const RESERVED = new Map([['help', 'mlsys']]);

/** The slash command under which a core command is installed in Slack, e.g. `/kvcache`, `/mlsys`. */
export function slackCommandName(command: AnyCommand | string): string {
  const name = typeof command === 'string' ? command : command.name;
  return `/${RESERVED.get(name) ?? name}`;
}

/**
 * The core command a Slack slash command invokes: `/mlsys` is `help` (when the core has no `mlsys`
 * command of its own), every other one its own name without the slash.
 */
export function coreCommandName(slash: string, commands: readonly AnyCommand[]): string {
  const name = slash.replace(/^\//, '').toLowerCase();
  if (commands.some((command) => command.name === name)) return name;
  for (const [core, alias] of RESERVED) if (alias === name) return core;
  return name;
}
