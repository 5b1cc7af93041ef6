import type { AnyCommand } from '@mlsys/core';
import { REST, Routes } from 'discord.js';
import { checkApplicationCommands } from '../commands/check-application-commands.js';
import { type ApplicationCommandJson, toApplicationCommands } from '../commands/to-application-commands.js';

/** Where to register the commands. */
export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** Registers to one server (instant; for development); globally when absent. */
  guildId?: string;
  /** Another REST base (tests). */
  apiUrl?: string;
}

/**
 * Registers the application commands generated from the specs with one bulk overwrite
 * (`PUT /applications/{app}/commands`, or `/guilds/{guild}/commands`): commands no longer in the
 * specs disappear, unchanged ones keep their ids.
 *
 * @returns The commands as sent.
 * @throws Error listing every rule a generated command breaks (nothing is sent then).
 */
export async function registerCommands(
  commands: readonly AnyCommand[],
  options: RegisterOptions,
): Promise<ApplicationCommandJson[]> {
  const body = toApplicationCommands(commands);
  const problems = checkApplicationCommands(body);
  if (problems.length > 0)
    throw new Error(`Discord would refuse these commands:\n  ${problems.join('\n  ')}`);
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  await rest.put(route, { body });
  return body;
}
