import { allCommands } from '@mlsys/core';
import { checkApplicationCommands, registerCommands, toApplicationCommands } from '@mlsys/discord';
import { UserError } from '@mlsys/errors';
import { z } from 'zod';
import { parseFlags } from './corpus-flags.js';
import type { CliExtra } from './index.js';

const USAGE = 'mlsys discord register [--guild ID] [--dry-run]';

/** A Discord id: a snowflake, 17–20 decimal digits (Discord API v10, "Snowflakes"). */
const snowflake = z.string().regex(/^\d{17,20}$/);

/** The variables `discord register` reads (the same names as the bot's env schema). */
const registerEnv = z.object({
  DISCORD_TOKEN: z.string().min(1, 'is required (the bot token)'),
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_API_URL: z.url().optional(),
});

/**
 * `mlsys discord register [--guild ID]`: registers the application commands generated from the specs
 * with one bulk overwrite — to one server (instant, for development) or globally. `--dry-run` prints
 * the JSON and the rule check without sending anything (and needs no token).
 */
export const discordRegisterExtra: CliExtra = {
  path: ['discord', 'register'],
  summary:
    'Register the Discord slash commands (bulk overwrite); --guild ID for one server, --dry-run to print',
  async run(args, out) {
    const flags = parseFlags(args, { guild: 'string', 'dry-run': 'boolean' }, USAGE);
    if (flags.guild !== undefined && !snowflake.safeParse(flags.guild).success) {
      throw new UserError(
        'cli/bad-guild',
        `--guild must be a server id (17–20 digits), not "${flags.guild}".`,
        {
          example: 'mlsys discord register --guild 123456789012345678',
        },
      );
    }
    if (flags['dry-run']) {
      const commands = toApplicationCommands(allCommands);
      const problems = checkApplicationCommands(commands);
      out.stdout.write(`${JSON.stringify(commands, null, 2)}\n`);
      for (const problem of problems) out.stderr.write(`discord: ${problem}\n`);
      return problems.length === 0 ? 0 : 1;
    }
    const parsed = registerEnv.safeParse(process.env);
    if (!parsed.success) {
      const names = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new UserError('cli/discord-env', `Bad environment for discord register: ${names.join('; ')}.`, {
        example: 'DISCORD_TOKEN=… DISCORD_APPLICATION_ID=123456789012345678 mlsys discord register',
      });
    }
    const env = parsed.data;
    const sent = await registerCommands(allCommands, {
      token: env.DISCORD_TOKEN,
      applicationId: env.DISCORD_APPLICATION_ID,
      ...(flags.guild ? { guildId: flags.guild } : {}),
      ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
    });
    out.stdout.write(
      `Registered ${sent.length} commands ${flags.guild ? `to server ${flags.guild}` : 'globally (may take up to an hour to appear)'}: ${sent.map((c) => `/${c.name}`).join(' ')}\n`,
    );
    return 0;
  },
};
