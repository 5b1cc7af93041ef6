import { allCommands } from '@mlsys/core';
import { UserError } from '@mlsys/errors';
import { toSlackManifest } from '@mlsys/slack';
import { parseFlags } from './corpus-flags.js';
import type { CliExtra } from './index.js';

const USAGE = 'mlsys slack manifest [--url https://bot.example.com] [--name mlsys]';

/**
 * `mlsys slack manifest`: prints the Slack app manifest (JSON) generated from the command specs.
 * With `--url`, HTTP mode (every request at `<url>/slack/events`); without it, Socket Mode.
 */
export const slackManifestExtra: CliExtra = {
  path: ['slack', 'manifest'],
  summary: 'Print the Slack app manifest (JSON) generated from the commands; --url for HTTP mode',
  async run(args, out) {
    const flags = parseFlags(args, { url: 'string', name: 'string' }, USAGE);
    if (flags.url !== undefined && !/^https:\/\/[^\s/]+/.test(flags.url)) {
      throw new UserError(
        'cli/bad-url',
        `--url must be the bot's public https:// address, not "${flags.url}".`,
        {
          example: 'mlsys slack manifest --url https://bot.example.com',
        },
      );
    }
    const manifest = toSlackManifest(allCommands, {
      ...(flags.url ? { url: flags.url } : {}),
      ...(flags.name ? { name: flags.name } : {}),
    });
    out.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
    return 0;
  },
};
