import { UserError } from '@mlsys/errors';

/** What the CLI makes of its arguments: a command, its argument text and the CLI's own flags. */
export interface CliCall {
  command: string;
  /** Argument text in the bot grammar: positional words and `key=value`. */
  text: string;
  json: boolean;
  /** `--config path.json`: a model given as a config file. */
  configPath: string | undefined;
}

/**
 * Turns `mlsys kvcache llama-70b 128k --batch 8 --json` into the bot grammar
 * (`llama-70b 128k batch=8`). `--name value` and `--name=value` become `name=value` (dashes in names
 * become underscores); a flag followed by another flag or nothing is `true`.
 *
 * @throws UserError when no command is given.
 */
export function argvToCall(argv: readonly string[]): CliCall {
  const [command, ...rest] = argv;
  if (command === undefined || command.startsWith('-')) {
    throw new UserError('cli/no-command', 'Name a command.', { example: 'mlsys kvcache llama-70b 128k' });
  }
  const words: string[] = [];
  let json = false;
  let configPath: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (!word.startsWith('--') || word === '--') {
      words.push(quoteIfNeeded(word));
      continue;
    }
    const eq = word.indexOf('=');
    const name = (eq > 0 ? word.slice(2, eq) : word.slice(2)).replaceAll('-', '_');
    let value: string;
    if (eq > 0) value = word.slice(eq + 1);
    else if (i + 1 < rest.length && !rest[i + 1]!.startsWith('--')) value = rest[++i]!;
    else value = 'true';
    if (name === 'json') json = value !== 'false';
    else if (name === 'config') configPath = value;
    else words.push(`${name}=${quoteIfNeeded(value)}`);
  }
  return { command, text: words.join(' '), json, configPath };
}

function quoteIfNeeded(value: string): string {
  if (!/\s/.test(value) || value.startsWith('{') || value.startsWith('[')) return value;
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}
